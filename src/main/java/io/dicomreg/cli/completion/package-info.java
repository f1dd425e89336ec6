/**
 * Tab completion of option and argument values: application names, scopes, key ids, file paths.
 */
package io.dicomreg.cli.completion;
