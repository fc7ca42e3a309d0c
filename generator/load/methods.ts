/** The operations a path item can hold. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
