package io.dicomreg.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * How many positional arguments each annotated command takes, so that a stray word is refused
 * instead of silently ignored (Spring Shell's command model does not say).
 */
public class CommandArguments {

	/** Any number of arguments: commands we did not write (help, history, ...). */
	static final int ANY = Integer.MAX_VALUE;

	private final ApplicationContext context;

	private Map<String, Integer> maximums;

	private Map<String, List<Described>> described;

	public CommandArguments(ApplicationContext context) {
		this.context = context;
	}

	/** The most positional arguments {@code commandName} takes. */
	public synchronized int maximum(String commandName) {
		if (this.maximums == null) {
			this.maximums = scan();
		}
		return this.maximums.getOrDefault(commandName, ANY);
	}

	/** The positional arguments of {@code commandName}, for help: placeholder name and description. */
	public synchronized List<Described> describe(String commandName) {
		if (this.described == null) {
			this.maximums = scan();
		}
		return this.described.getOrDefault(commandName, List.of());
	}

	private Map<String, Integer> scan() {
		Map<String, Integer> found = new HashMap<>();
		this.described = new HashMap<>();
		for (Object bean : this.context.getBeansWithAnnotation(Component.class).values()) {
			for (Method method : AopUtils.getTargetClass(bean).getMethods()) {
				Command command = AnnotatedElementUtils.findMergedAnnotation(method, Command.class);
				if (command != null && command.name().length > 0) {
					String name = String.join(" ", command.name());
					found.put(name, count(method));
					this.described.put(name, arguments(method));
				}
			}
		}
		return found;
	}

	private static List<Described> arguments(Method method) {
		List<Described> arguments = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			Argument argument = parameter.getAnnotation(Argument.class);
			if (argument != null) {
				String placeholder = parameter.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
				arguments.add(new Described(placeholder, argument.description()));
			}
		}
		return arguments;
	}

	/**
	 * A positional argument as help shows it.
	 *
	 * @param placeholder its name in upper case, e.g. {@code PLATFORM_NAME}
	 * @param description what it is
	 */
	public record Described(String placeholder, String description) {
	}

	private static int count(Method method) {
		int arguments = 0;
		for (Parameter parameter : method.getParameters()) {
			if (parameter.isAnnotationPresent(Arguments.class)) {
				return ANY;
			}
			if (parameter.isAnnotationPresent(Argument.class)) {
				arguments++;
			}
		}
		return arguments;
	}

}
