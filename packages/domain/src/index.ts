export * from './organisation-kind';
export * from './membership-role';
export * from './password-policy';
export * from './pathway-status';
export * from './exit-kind';
export * from './obstacle-category';
export * from './esf-entry';
export * from './stage-kind';
