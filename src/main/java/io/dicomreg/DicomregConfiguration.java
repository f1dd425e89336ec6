package io.dicomreg;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.CommandRegistry;

import io.dicomreg.account.AccountService;
import io.dicomreg.apps.AppNameIndex;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.auth.BrowserLauncher;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.DefaultBrowserLauncher;
import io.dicomreg.auth.SessionStore;
import io.dicomreg.auth.SignInService;
import io.dicomreg.auth.TokenCacheStore;
import io.dicomreg.cli.CommandArguments;
import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.CommandLineParser;
import io.dicomreg.cli.DicomregRunner;
import io.dicomreg.cli.ErrorReporter;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.HelpCommand;
import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.ShellPrompt;
import io.dicomreg.cli.SignedInAvailability;
import io.dicomreg.cli.Streams;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.CommandCompletions;
import io.dicomreg.cli.completion.CommandLineCompleter;
import io.dicomreg.cli.completion.FilePathCompleter;
import io.dicomreg.cli.completion.OptionValueCompleter;
import io.dicomreg.cli.script.Recorder;
import io.dicomreg.cli.script.ScriptRunner;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.DryRun;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.output.ChangeTracker;
import io.dicomreg.output.Notices;
import io.dicomreg.output.OutputSettings;
import io.dicomreg.output.Renderer;

/**
 * Wires the services, the shell and the commands for one run.
 */
@Configuration(proxyBeanMethods = false)
class DicomregConfiguration {

	@Bean
	DicomregHome dicomregHome() {
		return DicomregHome.resolve();
	}

	@Bean(destroyMethod = "close")
	ConnectionTarget connectionTarget(Invocation invocation) {
		GlobalOptions options = invocation.options();
		return new ConnectionTarget(options.sandbox(), options.sandboxState(), options.cloud(), options.authorityHost(),
				options.graphEndpoint(), options.sandboxLog());
	}

	@Bean
	Notices notices(Streams streams) {
		return new Notices(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
	}

	@Bean
	SignInService signInService(ConnectionTarget target, DicomregHome home, Notices notices) {
		TokenCacheStore caches = new TokenCacheStore(home, notice -> notices.println("Note: " + notice));
		BrowserLauncher browser = new DefaultBrowserLauncher(target);
		return new SignInService(target, caches, new SessionStore(home), ClientCredentials.fromSystem(), browser);
	}

	@Bean
	GraphClientProvider graphClientProvider(ConnectionTarget target, SignInService signIn, DryRun dryRun) {
		return new GraphClientProvider(target, signIn, dryRun);
	}

	@Bean
	DryRun dryRun() {
		return new DryRun();
	}

	@Bean
	ChangeTracker changeTracker() {
		return new ChangeTracker();
	}

	@Bean
	AccountService accountService(SignInService signIn, GraphClientProvider graph, AppSelection selection) {
		return new AccountService(signIn, graph, selection);
	}

	@Bean
	ApplicationsGateway applicationsGateway(GraphClientProvider graph) {
		return new ApplicationsGateway(graph);
	}

	@Bean
	ApplicationService applicationService(ApplicationsGateway applications, SignInService signIn,
			ConnectionTarget target, ApplicationLocator locator, AppSelection selection, AppNameIndex names) {
		return new ApplicationService(applications, signIn, target, locator, selection, names);
	}

	@Bean
	AppNameIndex appNameIndex(ApplicationsGateway applications) {
		return new AppNameIndex(applications, Clock.systemUTC());
	}

	@Bean
	AppNameCompleter appNameCompleter(AppNameIndex names) {
		return new AppNameCompleter(names);
	}

	@Bean
	AppSelection appSelection(ConnectionTarget target, DicomregHome home, DryRun dryRun) {
		return new AppSelection(target, home, dryRun);
	}

	@Bean
	ApplicationLocator applicationLocator(ApplicationsGateway applications, AppSelection selection) {
		return new ApplicationLocator(applications, selection);
	}

	@Bean(CommandCompletions.BEAN_NAME)
	CommandCompletions completions(List<OptionValueCompleter> completers) {
		return new CommandCompletions(completers);
	}

	@Bean
	CommandLineCompleter commandCompleter(CommandRegistry registry) {
		return new CommandLineCompleter(registry);
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	FilePathCompleter filePathCompleter() {
		return new FilePathCompleter();
	}

	@Bean
	OutputSettings outputSettings(Invocation invocation) {
		return new OutputSettings(invocation.options().output());
	}

	@Bean
	Renderer renderer(OutputSettings settings, ChangeTracker changes) {
		return new Renderer(settings, changes);
	}

	@Bean
	SignedInAvailability signedIn(SignInService signIn) {
		return new SignedInAvailability(signIn);
	}

	@Bean
	CommandArguments commandArguments(ApplicationContext context) {
		return new CommandArguments(context);
	}

	@Bean
	HelpCommand dicomregHelpCommand(CommandArguments arguments) {
		return new HelpCommand(arguments);
	}

	@Bean
	CommandLineParser commandParser(CommandRegistry registry, CommandArguments arguments) {
		return new CommandLineParser(registry, arguments::maximum);
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandRegistry registry, CommandLineParser parser, OutputSettings output,
			Invocation invocation, Notices notices, CommandArguments arguments, DryRun dryRun, ChangeTracker changes) {
		return new CommandDispatcher(registry, parser, output, new ErrorReporter(invocation.options().verbose()),
				notices, arguments, dryRun, changes);
	}

	@Bean
	ShellPrompt promptProvider(ConnectionTarget target, SignInService signIn, AppSelection selection) {
		return new ShellPrompt(target, signIn, selection);
	}

	/** Tests hand in their own streams: the shell's terminal then reads and writes those, not the process's. */
	@Bean
	TerminalCustomizer streamsTerminal(Streams streams) {
		return builder -> {
			if (!streams.processStreams()) {
				builder.system(false)
					.streams(streams.in(), streams.out())
					.type(streams.interactive() ? "xterm-256color" : "dumb")
					.size(new Size(120, 40));
			}
		};
	}

	@Bean
	ScriptRunner scriptRunner(ObjectProvider<CommandDispatcher> dispatcher) {
		return new ScriptRunner(dispatcher::getObject, System::getenv);
	}

	@Bean
	Recorder recorder() {
		return new Recorder(Clock.systemUTC());
	}

	@Bean
	DicomregRunner dicomregRunner(Invocation invocation, CommandDispatcher dispatcher, Streams streams,
			ObjectProvider<LineReader> lineReader, ShellPrompt prompt, DicomregHome home, Recorder recorder) {
		return new DicomregRunner(invocation, dispatcher, streams, lineReader, prompt, home, recorder);
	}

}
