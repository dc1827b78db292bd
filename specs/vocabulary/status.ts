/** Kubernetes status vocabulary shared by expectations, observations and predictions. */

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export const phases: ReadonlyArray<Phase> = ['Pending', 'Running', 'Succeeded', 'Failed'];

export type ContainerStateName = 'waiting' | 'running' | 'terminated';
export const containerStateNames: ReadonlyArray<ContainerStateName> = ['waiting', 'running', 'terminated'];

export type ConditionType = 'PodScheduled' | 'PodReadyToStartContainers' | 'Initialized' | 'ContainersReady' | 'Ready';
export const conditionTypes: ReadonlyArray<ConditionType> = [
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
];

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export type EventType = 'Normal' | 'Warning';

/** What a STATUS-over-time lane shows once the pod object no longer exists (kubectl shows no row at all). */
export const goneStatus = '(gone)';
