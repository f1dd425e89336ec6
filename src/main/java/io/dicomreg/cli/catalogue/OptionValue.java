package io.dicomreg.cli.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dicomreg.error.Subject;

/**
 * What the value of an option or positional argument is, declared beside its {@code @Option} or
 * {@code @Argument}: how help names it, whether it may be repeated, how it completes and which
 * thing of the domain it gives (so that a service's error about that thing names the option typed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionValue {

	/** How help names the value, e.g. {@code FILE}; empty: the option's name in capitals. */
	String label() default "";

	/** Whether the option may be given several times; the parameter is then a {@code List<String>}. */
	boolean repeatable() default false;

	/** Whether the value names a file: it completes file paths, and {@code ~/} is the home folder. */
	boolean file() default false;

	/** The fixed values it takes, offered by completion and shown by help as {@code a|b}. */
	String[] choices() default {};

	/** The completer of its values: a bean of that type. */
	Class<? extends ValueCompleter> completion() default ValueCompleter.None.class;

	/** The thing of the domain it gives, for errors; {@link Subject#NONE} when none. */
	Subject subject() default Subject.NONE;

}
