package io.dicomreg.cli.script;

/**
 * One command of a script, continuation lines joined.
 *
 * @param number the line number in the file where it starts
 * @param text the command as written, variables not yet replaced
 */
public record ScriptLine(int number, String text) {
}
