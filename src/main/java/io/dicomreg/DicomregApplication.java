package io.dicomreg;


import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.dicomreg.cli.DicomregRunner;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;

/**
 * Entry point of dicomreg: parses the global options, then starts the shell or runs one command.
 */
@SpringBootApplication
public class DicomregApplication {

	public static void main(String[] args) {
		System.exit(run(args, Streams.system()));
	}

	/**
	 * Runs dicomreg with {@code args} and returns the process exit code.
	 */
	public static int run(String[] args, Streams streams) {
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
		try (ConfigurableApplicationContext context = application(invocation, streams).run()) {
			return context.getBean(DicomregRunner.class).exitCode().code();
		}
	}

	private static SpringApplicationBuilder application(Invocation invocation, Streams streams) {
		return new SpringApplicationBuilder(DicomregApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.web(WebApplicationType.NONE)
			.properties("spring.shell.interactive.enabled=" + !invocation.isOneShot(),
					"spring.shell.history.name=" + DicomregHome.resolve().directory().resolve("history"),
					"logging.level.com.microsoft.aad=" + (invocation.options().verbose() ? "WARN" : "OFF"))
			.initializers(context -> {
				context.getBeanFactory().registerSingleton("invocation", invocation);
				context.getBeanFactory().registerSingleton("streams", streams);
			});
	}

}
