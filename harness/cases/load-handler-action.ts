/** The Kubernetes handler of a hook or probe: exactly one of exec, httpGet, tcpSocket, grpc, sleep. */
import { isScalar } from 'yaml';
import type { HandlerAction } from '../../specs/vocabulary/index.ts';
import { handlerActionFields } from './k8s-fields.ts';
import type { Entries, Field, Reader } from './yaml-reader.ts';

/** A handler type, named as its Kubernetes field. */
export type ActionType = HandlerAction['type'];

/** Reads the one handler among `allowed` present in `entries`, reporting none or several. */
export function readHandlerAction(
  reader: Reader,
  entries: Entries,
  allowed: ReadonlyArray<ActionType>,
): HandlerAction | undefined {
  const present = allowed.filter((type) => entries.has(type));
  if (present.length === 0 && allowed.some((type) => entries.suggested.has(type))) return undefined;
  if (present.length !== 1) {
    const found = present.length === 0 ? 'none is given' : `found ${present.join(' and ')}`;
    reader.report(entries.parent, `needs exactly one handler of ${allowed.join(', ')}; ${found}`);
    return undefined;
  }
  const type = present[0] as ActionType;
  const field = entries.get(type) as Field;
  const fields = reader.mapping(field, handlerActionFields[type]);
  if (fields === undefined) return undefined;
  switch (type) {
    case 'exec': {
      const command = fields.require('command');
      const words = command === undefined ? undefined : reader.strings(command);
      return words === undefined ? undefined : { type, command: words };
    }
    case 'httpGet': {
      const port = readPort(reader, fields);
      const pathField = fields.get('path');
      const path = pathField === undefined ? undefined : reader.string(pathField);
      if (port === undefined || (pathField !== undefined && path === undefined)) return undefined;
      return {
        type,
        port,
        ...(path === undefined ? {} : { path }),
        ...extra(reader, fields, ['host', 'scheme', 'httpHeaders']),
      };
    }
    case 'tcpSocket': {
      const port = readPort(reader, fields);
      return port === undefined ? undefined : { type, port, ...extra(reader, fields, ['host']) };
    }
    case 'grpc': {
      const portField = fields.require('port');
      const port = portField === undefined ? undefined : reader.integer(portField, 1, 65535);
      return port === undefined ? undefined : { type, port, ...extra(reader, fields, ['service']) };
    }
    case 'sleep': {
      const secondsField = fields.require('seconds');
      const seconds = secondsField === undefined ? undefined : reader.integer(secondsField, 0);
      return seconds === undefined ? undefined : { type, seconds };
    }
  }
}

function readPort(reader: Reader, fields: Entries): number | string | undefined {
  const field = fields.require('port');
  if (field === undefined) return undefined;
  // A port is a number or the name of a container port.
  if (isScalar(field.node) && typeof field.node.value === 'string') {
    const name = reader.string(field);
    if (name === '') reader.report(field, 'a port name must not be empty');
    return name === '' ? undefined : name;
  }
  return reader.integer(field, 1, 65535);
}

function extra(reader: Reader, fields: Entries, keys: ReadonlyArray<string>): { extra?: Record<string, unknown> } {
  const kept: Record<string, unknown> = {};
  for (const key of keys) {
    const field = fields.get(key);
    if (field !== undefined) kept[key] = reader.data(field);
  }
  return Object.keys(kept).length === 0 ? {} : { extra: kept };
}
