/** The exec: backend: any implementation under test over JSON lines on stdio (FORMAT.md). */
export { createExecBackend, defaultAnswerTimeoutMs, type ExecBackendOptions } from './exec-backend.ts';
export { execProtocolVersion, parseAnswer, requestLine, type Answer } from './protocol.ts';
export { parseObservation, type ObservationParse } from './parse-observation.ts';
