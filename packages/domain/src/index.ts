export * from './organisation-kind';
export * from './membership-role';
export * from './password-policy';
