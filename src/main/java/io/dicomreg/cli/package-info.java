/**
 * The shell: global options, parsing, dispatching, exit codes and the thin command classes.
 */
package io.dicomreg.cli;
