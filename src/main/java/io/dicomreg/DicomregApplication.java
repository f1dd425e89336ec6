package io.dicomreg;


import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.ConfigurableApplicationContext;

import io.dicomreg.cli.DicomregRunner;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.PrintedHelp;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.Logging;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.Notices;

/**
 * Entry point of dicomreg: parses the global options, then starts the shell or runs one command.
 */
// Auto-configurations that a command-line tool does not use are left out: fewer beans to make, and no proxy creator
// looking at every bean (AOP), no thread pools (tasks), no SSL bundles, no availability state.
@SpringBootApplication(exclude = { AopAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
		LifecycleAutoConfiguration.class, SslAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
		TaskSchedulingAutoConfiguration.class })
public class DicomregApplication {

	public static void main(String[] args) {
		System.exit(run(args, Streams.system()));
	}

	/**
	 * Runs dicomreg with {@code args} and returns the process exit code.
	 */
	public static int run(String[] args, Streams streams) {
		return run(args, streams, DicomregHome.resolve());
	}

	/**
	 * Runs dicomreg with {@code args} in the dicomreg home {@code home} and returns the process exit
	 * code: nothing of the process (properties, environment) needs changing to run it elsewhere.
	 */
	public static int run(String[] args, Streams streams, DicomregHome home) {
		Invocation invocation;
		try {
			invocation = GlobalOptions.parse(args);
		}
		catch (DicomregException ex) {
			streams.err().println("Error: " + ex.getMessage());
			return ExitCode.USAGE.code();
		}
		if (invocation.options().help()) {
			streams.out().println(GlobalOptions.usage());
			return ExitCode.OK.code();
		}
		if (PrintedHelp.answer(invocation, streams.out())) {
			return ExitCode.OK.code();
		}
		try (ConfigurableApplicationContext context = application(invocation, streams, home).run()) {
			return context.getBean(DicomregRunner.class).exitCode().code();
		}
	}

	/**
	 * dicomreg's Spring settings. They are set here, not read from an {@code application.properties}: Spring Boot
	 * would also read such a file from the directory dicomreg is started in (any Spring project's file would change
	 * how dicomreg logs or runs), and looking for config files in every place Spring Boot knows was a tenth of a
	 * one-shot run's start.
	 */
	static final List<String> SETTINGS = List.of("spring.application.name=dicomreg",
			"spring.main.lazy-initialization=true", "spring.shell.command.script.enabled=false",
			"spring.shell.command.help.enabled=false", "spring.shell.command.clear.enabled=false",
			"spring.shell.command.version.enabled=false", "spring.shell.command.history.enabled=false");

	/** The application for one run: the context that {@link #run} starts, for tests that need its beans. */
	public static SpringApplicationBuilder application(Invocation invocation, Streams streams, DicomregHome home) {
		List<String> properties = new ArrayList<>(SETTINGS);
		properties.add("spring.shell.interactive.enabled=" + !invocation.isOneShot());
		properties.add("spring.shell.history.name=" + home.directory().resolve("history"));
		Notices notices = new Notices(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
		ConnectionTarget target = connectionTarget(invocation.options(), notices);
		if (PrintedHelp.connects(invocation)) {
			// The command will connect: the sandbox (when it is the target) starts now, beside Spring.
			target.startInBackground();
		}
		// The main class is named, not found from the stack: Spring AOT finds the context's generated code from it,
		// and a test that runs dicomreg in its own thread has no main method on the stack.
		SpringApplicationBuilder builder = new SpringApplicationBuilder(DicomregApplication.class)
			.main(DicomregApplication.class)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.initializers(context -> {
				context.getBeanFactory().registerSingleton("invocation", invocation);
				context.getBeanFactory().registerSingleton("streams", streams);
				context.getBeanFactory().registerSingleton("dicomregHome", home);
				context.getBeanFactory().registerSingleton("notices", notices);
				context.getBeanFactory().registerSingleton("connectionTarget", target);
				context.addApplicationListener(event -> {
					if (event instanceof ContextClosedEvent) {
						target.close();
					}
				});
			});
		// A context that fails to start publishes no ContextClosedEvent: the target is closed then too.
		builder.listeners(event -> {
			if (event instanceof ApplicationFailedEvent) {
				target.close();
			}
		});
		Logging.configure(invocation.options().verbose());
		builder.application().setAddConversionService(false);
		withoutUnusedParts(builder.application());
		return builder;
	}

	/** Where this run connects: the sandbox, a cloud, or custom endpoints. */
	private static ConnectionTarget connectionTarget(GlobalOptions options, Notices notices) {
		return new ConnectionTarget(options.sandbox(), options.sandboxState(), options.cloud(), options.authorityHost(),
				options.graphEndpoint(), options.armEndpoint(), options.sandboxLog(), options.sandboxFaults(),
				notices::println);
	}

	/**
	 * Keeps of Spring Boot's environment post-processors only the one for environment variables: no config files
	 * (see {@link #SETTINGS}), no Cloud Foundry, JSON or random values. Leaves out Spring Boot's logging system
	 * ({@link Logging} sets up logging) and its background pre-initialiser (which builds a validator factory, a JSON
	 * mapper and converters that dicomreg does not use, on the core the sandbox and the ARM reads need).
	 */
	private static void withoutUnusedParts(SpringApplication application) {
		List<ApplicationListener<?>> listeners = new ArrayList<>();
		for (ApplicationListener<?> listener : application.getListeners()) {
			if (listener instanceof LoggingApplicationListener
					|| listener.getClass().getName().endsWith(".BackgroundPreinitializingApplicationListener")) {
				continue;
			}
			listeners.add((listener instanceof EnvironmentPostProcessorApplicationListener)
					? EnvironmentPostProcessorApplicationListener.with(
							EnvironmentPostProcessorsFactory.of(SystemEnvironmentPropertySourceEnvironmentPostProcessor.class))
					: listener);
		}
		application.setListeners(listeners);
	}

}
