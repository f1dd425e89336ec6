package io.dicomreg.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Option;

import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.output.Result;

/**
 * Calls a command's method with its parsed options and arguments: a flag as a {@code boolean}, a
 * repeatable option as a {@code List<String>}, anything else as the {@code String} typed (or its
 * declared default), and the {@link CommandRun}.
 */
final class CommandInvoker {

	private final BeanFactory beans;

	CommandInvoker(BeanFactory beans) {
		this.beans = beans;
	}

	/** Runs the command and returns its result. */
	Result invoke(CommandRun run) throws Exception {
		ParsedCommand parsed = run.parsed();
		Method method = parsed.command().method();
		Object target = this.beans.getBean(method.getDeclaringClass());
		Parameter[] parameters = method.getParameters();
		Object[] values = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			values[i] = valueOf(parameters[i], parsed, run);
		}
		try {
			Object result = method.invoke(target, values);
			return (result instanceof Result typed) ? typed : Result.empty();
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private static Object valueOf(Parameter parameter, ParsedCommand parsed, CommandRun run) {
		if (parameter.getType() == CommandRun.class) {
			return run;
		}
		Option option = parameter.getAnnotation(Option.class);
		if (option != null) {
			String name = option.longName();
			if (parameter.getType() == boolean.class || parameter.getType() == Boolean.class) {
				return parsed.flag(name);
			}
			if (parameter.getType() == List.class) {
				return parsed.values(name);
			}
			return parsed.option(name).orElse(option.defaultValue().isEmpty() ? null : option.defaultValue());
		}
		Argument argument = parameter.getAnnotation(Argument.class);
		if (argument != null) {
			List<String> arguments = parsed.arguments();
			return (argument.index() < arguments.size()) ? arguments.get(argument.index())
					: (argument.defaultValue().isEmpty() ? null : argument.defaultValue());
		}
		if (parameter.isAnnotationPresent(Arguments.class)) {
			return parsed.arguments();
		}
		throw new IllegalStateException("Cannot bind parameter " + parameter + " of " + parsed.command().name());
	}

}
