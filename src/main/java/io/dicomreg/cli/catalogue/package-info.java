/**
 * What the commands are, declared once on the commands themselves ({@link Traits} on each
 * {@code @Command} method, {@link OptionValue} on its options and arguments), and the
 * {@link CommandCatalogue} built from those declarations: the one description of the commands that
 * the parser, the dispatcher, help, completion, the recorder and the script runner consult.
 */
package io.dicomreg.cli.catalogue;
