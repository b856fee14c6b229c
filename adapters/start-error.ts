// A failure the user can fix (a bad token, a data file devpath cannot use): the message is printed
// alone, with no stack trace, and devpath exits 1. In a file of its own so the doors can throw it
// without importing start.ts, which imports them.
export class StartError extends Error {}
