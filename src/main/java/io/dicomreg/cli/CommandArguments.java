package io.dicomreg.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
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

	private Map<String, Integer> scan() {
		Map<String, Integer> found = new HashMap<>();
		for (Object bean : this.context.getBeansWithAnnotation(Component.class).values()) {
			for (Method method : AopUtils.getTargetClass(bean).getMethods()) {
				Command command = AnnotatedElementUtils.findMergedAnnotation(method, Command.class);
				if (command != null && command.name().length > 0) {
					found.put(String.join(" ", command.name()), count(method));
				}
			}
		}
		return found;
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
