package io.dicomreg;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.util.ClassUtils;

import io.dicomreg.config.Waiting;
import io.dicomreg.account.AccountService;
import io.dicomreg.apps.AppNameIndex;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.azure.ArmClient;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.ClientTokens;
import io.dicomreg.verify.AuditService;
import io.dicomreg.verify.DicomWebProbe;
import io.dicomreg.exports.ExportService;
import io.dicomreg.verify.VerifyService;
import io.dicomreg.azure.AssigneeResolver;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleService;
import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.ConsentGateway;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.apps.ServicePrincipalsGateway;
import io.dicomreg.auth.BrowserLauncher;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.DefaultBrowserLauncher;
import io.dicomreg.auth.SessionStore;
import io.dicomreg.auth.SignInService;
import io.dicomreg.auth.TokenCacheStore;
import io.dicomreg.cli.CommandDispatcher;
import io.dicomreg.cli.CommandLineParser;
import io.dicomreg.cli.DicomregRunner;
import io.dicomreg.cli.ErrorReporter;
import io.dicomreg.cli.Invocation;
import io.dicomreg.cli.ShellPrompt;
import io.dicomreg.cli.SignedInAvailability;
import io.dicomreg.cli.Streams;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;
import io.dicomreg.cli.completion.AppNameCompleter;
import io.dicomreg.cli.completion.CommandLineCompleter;
import io.dicomreg.cli.script.Recorder;
import io.dicomreg.cli.script.ScriptRunner;
import io.dicomreg.config.CommandScope;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.output.Notices;
import io.dicomreg.output.Renderer;

/**
 * Wires the services, the shell and the commands for one run.
 */
@Configuration(proxyBeanMethods = false)
class DicomregConfiguration {

	@Bean
	SignInService signInService(ConnectionTarget target, DicomregHome home, Notices notices) {
		TokenCacheStore caches = new TokenCacheStore(home, notice -> notices.println("Note: " + notice));
		BrowserLauncher browser = new DefaultBrowserLauncher(target);
		return new SignInService(target, caches, new SessionStore(home), ClientCredentials.fromSystem(), browser);
	}

	@Bean
	GraphClientProvider graphClientProvider(ConnectionTarget target, SignInService signIn) {
		return new GraphClientProvider(target, signIn);
	}

	@Bean
	AccountService accountService(SignInService signIn, GraphClientProvider graph, AppSelection selection) {
		return new AccountService(signIn, graph, selection);
	}

	@Bean
	ApplicationsGateway applicationsGateway(GraphClientProvider graph, CommandScope scope) {
		return new ApplicationsGateway(graph, scope);
	}

	@Bean
	ApplicationService applicationService(ApplicationsGateway applications, SignInService signIn,
			ConnectionTarget target, ApplicationLocator locator, AppSelection selection, AppNameIndex names,
			PermissionService permissions, ServicePrincipalService servicePrincipals) {
		return new ApplicationService(applications, signIn, target, locator, selection, names, permissions,
				servicePrincipals, Clock.systemUTC());
	}

	@Bean
	ConsentService consentService(PermissionService permissions, ApiDirectory directory,
			ServicePrincipalService servicePrincipals, GraphClientProvider graph, CommandScope scope) {
		return new ConsentService(permissions, directory, servicePrincipals, new ConsentGateway(graph, scope));
	}

	@Bean
	VerifyService verifyService(ApplicationLocator locator, ApplicationService applications, RoleService roles,
			SignInService signIn, ConnectionTarget target, Notices notices) {
		ClientCredentials credentials = ClientCredentials.fromSystem();
		return new VerifyService(locator, applications, roles, signIn, new ClientTokens(target, credentials), credentials,
				new DicomWebProbe(target), Waiting.realTime(), notices::println);
	}

	@Bean
	ExportService exportService(ApplicationLocator locator, ApplicationService applications,
			DicomServiceDirectory services, ConnectionTarget target) {
		return new ExportService(locator, applications, services, ClientCredentials.fromSystem(), target,
				Clock.systemUTC());
	}

	@Bean
	AuditService auditService(ApplicationLocator locator, ApplicationService applications, ConsentService consent,
			DicomServiceDirectory services, RoleService roles) {
		return new AuditService(locator, applications, consent, services, roles, Clock.systemUTC());
	}

	@Bean
	ArmClient armClient(ConnectionTarget target, SignInService signIn) {
		return new ArmClient(target, signIn);
	}

	@Bean
	DicomServiceDirectory dicomServiceDirectory(ArmClient arm, CommandScope scope) {
		return new DicomServiceDirectory(arm, scope);
	}

	@Bean
	RoleService roleService(ArmClient arm, DicomServiceDirectory services, ApplicationLocator locator,
			ServicePrincipalService servicePrincipals, GraphClientProvider graph, CommandScope scope) {
		return new RoleService(arm, services, new AssigneeResolver(locator, servicePrincipals, graph), scope);
	}

	@Bean
	ServicePrincipalService servicePrincipalService(GraphClientProvider graph, Notices notices, CommandScope scope) {
		return new ServicePrincipalService(new ServicePrincipalsGateway(graph, scope), Waiting.realTime(),
				notices::println);
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
	AppSelection appSelection(ConnectionTarget target, DicomregHome home) {
		return new AppSelection(target, home);
	}

	@Bean
	ApplicationLocator applicationLocator(ApplicationsGateway applications, AppSelection selection) {
		return new ApplicationLocator(applications, selection);
	}

	/** Every command, read from the command classes' declarations; no command bean is made for it. */
	@Bean
	CommandCatalogue commandCatalogue(ConfigurableListableBeanFactory beans) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String name : beans.getBeanDefinitionNames()) {
			Class<?> type = beans.getType(name, false);
			if (type != null && !type.getName().startsWith("org.springframework.")
					&& CommandCatalogue.declaresCommands(ClassUtils.getUserClass(type))) {
				types.add(ClassUtils.getUserClass(type));
			}
		}
		return CommandCatalogue.of(types);
	}

	/** Spring Shell's registry, named from the catalogue: the line reader bolds the command names it holds. */
	@Bean
	CommandRegistry commandRegistry(CommandCatalogue catalogue) {
		CommandRegistry registry = new CommandRegistry();
		for (CommandSpec command : catalogue.commands()) {
			registry.registerCommand(Command.builder().name(command.name()).description(command.description())
				.group(command.group()).aliases(command.aliases().toArray(String[]::new))
				.execute((Consumer<CommandContext>) context -> {
					throw new UnsupportedOperationException("dicomreg runs its commands through its dispatcher");
				}));
		}
		return registry;
	}

	@Bean
	CommandLineCompleter commandCompleter(CommandRegistry registry, CommandCatalogue catalogue, BeanFactory beans) {
		return new CommandLineCompleter(registry, catalogue, beans);
	}

	@Bean
	Renderer renderer() {
		return new Renderer();
	}

	@Bean
	SignedInAvailability signedIn(SignInService signIn) {
		return new SignedInAvailability(signIn);
	}

	@Bean
	CommandLineParser commandLineParser(CommandCatalogue catalogue) {
		return new CommandLineParser(catalogue);
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandLineParser parser, BeanFactory beans, Renderer renderer,
			Invocation invocation, ConnectionTarget target, CommandScope scope) {
		boolean verbose = invocation.options().verbose();
		return new CommandDispatcher(parser, beans, renderer, new ErrorReporter(verbose), invocation.options().output(),
				verbose ? target.requests() : null, scope);
	}

	@Bean
	CommandScope commandScope() {
		return new CommandScope();
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
	Recorder recorder(ObjectProvider<CommandLineParser> parser) {
		return new Recorder(Clock.systemUTC(), words -> parser.getObject().parse(words));
	}

	@Bean
	DicomregRunner dicomregRunner(Invocation invocation, CommandDispatcher dispatcher, Streams streams,
			ObjectProvider<LineReader> lineReader, ShellPrompt prompt, DicomregHome home, Recorder recorder,
			Notices notices) {
		return new DicomregRunner(invocation, dispatcher, streams, lineReader, prompt, home, recorder, notices);
	}

}
