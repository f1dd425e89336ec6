/**
 * The emulated tenant's directory: applications, service principals, grants, refresh tokens, and the state file
 * they are kept in.
 */
package io.dicomreg.sandbox.directory;
