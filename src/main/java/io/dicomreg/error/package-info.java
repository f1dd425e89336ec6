/**
 * The one exception type for user-facing failures and the exit codes it maps to.
 */
package io.dicomreg.error;
