/** One place decides help: every command answers --help (anywhere in its arguments), -h and `help COMMAND`. */
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../../harness/cli/help.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { commandNames } from '../../../harness/cli/run-cli.ts';
import { cli } from './cli-in-process.ts';

describe('help for every command', () => {
  it('has a help text for every command the CLI runs, and none for a command it does not', () => {
    expect(Object.keys(commandHelp).sort()).toEqual([...commandNames].sort());
  });

  it.each(commandNames)('%s: --help after other arguments, -h and help %s print the same usage', async (command) => {
    const forms = [
      [command, 'some-file.yaml', '--help'],
      [command, '-h'],
      ['help', command],
    ];
    for (const argv of forms) {
      const r = await cli(...argv);
      expect(r).toMatchObject({ code: exitCodes.ok, err: '', out: commandHelp[command] });
    }
  });

  it('predict --help describes the inputs and limits', async () => {
    const r = await cli('predict', '--help');
    expect(r.out).toContain('FILE|-');
    expect(r.out).toContain('Deployment, ReplicaSet');
    expect(r.out).toContain('at most 24h');
  });
});
