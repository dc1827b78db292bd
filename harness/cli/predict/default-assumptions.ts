/**
 * What a plain manifest does not say, and what `predict` assumes for it: the most likely reading of what is written.
 * A manifest names images and commands, not what the processes do; the model needs both (FORMAT.md's `behavior`
 * blocks). Each default here is a Setting (settings.ts) with the reason it was chosen, so the assumptions list can
 * state it and the same flag or annotation that would change it.
 */
import {
  runBehaviorForStart,
  type Container,
  type HandlerAction,
  type Hook,
  type PodSpec,
  type Probe,
  type TermHandling,
} from '../../../specs/vocabulary/index.ts';
import type { ExitSetting, HookSetting } from './settings.ts';

/**
 * Init containers do small set-up work (copy a config, wait for a dependency, run a migration): a couple of seconds,
 * and they are written to succeed, or the pod would never start.
 */
const initExit = {
  value: { type: 'exits', exitCode: 0, afterSeconds: 2 } as ExitSetting,
  why: 'init containers do short set-up work and are written to succeed',
};

/**
 * A pod whose containers are not restarted when they succeed (restartPolicy Never or OnFailure: every Job and CronJob
 * pod) runs a task that ends; a long-running server there would never complete.
 */
const batchExit = {
  value: { type: 'exits', exitCode: 0, afterSeconds: 10 } as ExitSetting,
  why: 'restartPolicy Never/OnFailure (Jobs, CronJobs) runs a task that finishes',
};

const serverRuns = {
  value: { type: 'never' } as ExitSetting,
  why: 'under restartPolicy Always a container is a server that runs until it is stopped',
};

const sidecarRuns = {
  value: { type: 'never' } as ExitSetting,
  why: 'a sidecar (restartable init container) serves the pod until it is stopped',
};

/** The exit behaviour a container is assumed to have when the manifest says nothing. */
export function defaultExit(pod: PodSpec, c: Container): { readonly value: ExitSetting; readonly why: string } {
  if (c.role === 'init') return initExit;
  if (c.role === 'sidecar') return sidecarRuns;
  const policy = c.restartPolicy ?? pod.restartPolicy;
  return policy === 'Always' ? serverRuns : batchExit;
}

function commandWords(c: Container): string[] {
  const words = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  return [...words(c.extra['command']), ...words(c.extra['args'])];
}

/** The image's repository name without registry, path or tag: `docker.io/library/nginx:1.27` → `nginx`. */
function repositoryName(image: string): string {
  const path = image.split('@')[0] ?? image;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.split(':')[0] ?? last;
}

/**
 * A container's reaction to the stop signal. The runtime sends the image's STOPSIGNAL, then SIGKILL at grace end
 * (KUBELET-FACTS §5.2); the model speaks of "TERM" for that signal. Three readings cover what people deploy:
 * nginx images set STOPSIGNAL SIGQUIT, finish open requests and exit 0 (§11.1, issue #130438); a shell or `sleep` as
 * PID 1 installs no handler, and PID 1 ignores signals it does not handle, so it is killed at grace end (137); other
 * servers (Go, Java, Node with a handler) exit at once, by the signal (143).
 */
export function defaultOnTerm(c: Container): { readonly value: TermHandling; readonly why: string } {
  if (repositoryName(c.image).startsWith('nginx')) {
    return {
      value: { type: 'exit', exitCode: 0, afterSeconds: 0 },
      why: 'nginx images set STOPSIGNAL SIGQUIT: nginx finishes open requests and exits 0',
    };
  }
  const words = commandWords(c);
  const first = (words[0] ?? '').split('/').pop() ?? '';
  const script = words.join(' ');
  // a script that traps TERM or execs its server hands the signal to a process that handles it
  if (['sh', 'bash', 'ash', 'sleep'].includes(first) && !/\btrap\b|\bexec\b/.test(script)) {
    return {
      value: { type: 'ignore' },
      why: `"${first}" as PID 1 has no TERM handler, and PID 1 ignores unhandled signals: killed at grace end`,
    };
  }
  return {
    value: { type: 'exit', exitCode: 143, afterSeconds: 0 },
    why: 'most programs stop at once on the stop signal (SIGTERM), exit code 128+15',
  };
}

/**
 * How long a hook's handler takes: an exec runs a command inside the container through the runtime (a process start
 * and a short command, about half a second); an HTTP or TCP handler is one local request.
 */
export function defaultHook(action: HandlerAction): { readonly value: Required<HookSetting>; readonly why: string } {
  return action.type === 'exec'
    ? {
        value: { result: 'success', takesSeconds: 0.5 },
        why: 'an exec handler starts a short command in the container',
      }
    : { value: { result: 'success', takesSeconds: 0.1 }, why: `an ${action.type} handler is one local request` };
}

export const probePasses = 'probes are written to pass on a healthy container';

/** The behaviour FORMAT.md gives a container without `behavior`: runs until signalled, exits 143 at once on TERM. */
export function behaviorUnwritten(c: Container): boolean {
  const base = runBehaviorForStart(c.behavior, 1);
  return (
    c.behavior.restarts.length === 0 &&
    base.exit === undefined &&
    base.onTerm.type === 'exit' &&
    base.onTerm.exitCode === 143 &&
    base.onTerm.afterSeconds === 0
  );
}

/** A hook the loader gave its no-`behavior` default (0 s, success); a sleep handler says its own duration. */
export function hookUnwritten(h: Hook): boolean {
  return h.action.type !== 'sleep' && h.takesSeconds === 0 && h.result === 'success';
}

export function probeUnwritten(p: Probe): boolean {
  return p.fails.type === 'never' && p.takesSeconds === 0;
}
