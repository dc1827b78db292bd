/** The pure image rules: reference parsing and identity, imagePullPolicy defaulting, registry credential matching. */
export * from './image-reference.ts';
export * from './pull-policy.ts';
export * from './credentials.ts';
