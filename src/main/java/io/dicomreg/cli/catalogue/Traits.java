package io.dicomreg.cli.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a command is, beside its name and options: declared on its {@code @Command} method. A
 * command without it has the defaults: it plans in a dry run, runs in scripts and is recorded as
 * typed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Traits {

	/** What it does in a dry run. */
	DryRunMode dryRun() default DryRunMode.PLAN;

	/** Whether a script may run it. */
	boolean inScripts() default true;

	/** How {@code record} writes it. */
	Recording recorded() default Recording.AS_TYPED;

	/**
	 * The flag option (long name) that answers the command's confirmation question: a confirmed run
	 * is recorded with it, since a replay cannot answer.
	 */
	String confirmedBy() default "";

	/**
	 * The option (long name) naming an environment variable that replaces the command's masked
	 * password prompt (for a PFX file): a recorded run that was asked instead gets a comment saying so.
	 */
	String passwordFrom() default "";

	/**
	 * Options (long names) of which one must be given with {@code --output json}: for a command that
	 * makes a secret value, which JSON leaves out unless asked, so that the value goes somewhere.
	 */
	String[] jsonNeedsOneOf() default {};

	/** Whether it ends the interactive shell ({@code exit}). */
	boolean endsShell() default false;

}
