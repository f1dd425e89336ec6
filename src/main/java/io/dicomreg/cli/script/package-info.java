/**
 * Saved command scripts: reading them (comments, continuation, variables), checking every line
 * before any runs, running them line by line with a summary, and recording typed commands as one.
 */
package io.dicomreg.cli.script;
