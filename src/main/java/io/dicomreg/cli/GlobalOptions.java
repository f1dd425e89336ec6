package io.dicomreg.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.output.OutputFormat;

/**
 * The options given before the command, which choose where dicomreg connects and how it prints.
 *
 * @param sandbox run against the embedded sandbox tenant
 * @param sandboxState the file that keeps the sandbox tenant between runs, or {@code null}
 * @param sandboxLog the file the sandbox appends every request it serves to, or {@code null}
 * @param sandboxFaults the sandbox's fault switch SPEC (checked), or {@code null} for none
 * @param cloud the Azure cloud
 * @param authorityHost a custom sign-in host, or {@code null} for the cloud's
 * @param graphEndpoint a custom Microsoft Graph endpoint, or {@code null} for the cloud's
 * @param armEndpoint a custom Azure Resource Manager endpoint, or {@code null} for the cloud's
 * @param output the default output format
 * @param verbose show stack traces and request ids on errors
 * @param help print usage and exit
 */
public record GlobalOptions(boolean sandbox, Path sandboxState, Path sandboxLog, String sandboxFaults, AzureCloud cloud,
		URI authorityHost, URI graphEndpoint, URI armEndpoint, OutputFormat output, boolean verbose, boolean help) {

	/** The options of a plain {@code dicomreg} run. */
	public static GlobalOptions defaults() {
		return new GlobalOptions(false, null, null, null, AzureCloud.AzureCloud, null, null, null, OutputFormat.TABLE,
				false, false);
	}

	/**
	 * Splits a command line into global options and the command words that follow them.
	 * @throws DicomregException (usage) for an unknown option, a missing or invalid value, or a
	 * contradictory combination
	 */
	public static Invocation parse(String[] args) {
		Builder builder = new Builder();
		int index = 0;
		while (index < args.length && args[index].startsWith("-")) {
			index = builder.accept(args, index);
		}
		List<String> commandWords = List.of(args).subList(index, args.length);
		return new Invocation(builder.build(), new ArrayList<>(commandWords));
	}

	/** The usage text printed by {@code dicomreg --help}. */
	public static String usage() {
		return """
				Usage: dicomreg [global options]                     start the interactive shell
				       dicomreg [global options] COMMAND [OPTIONS]   run one command and exit

				Global options:
				  --sandbox                 use the embedded sandbox tenant (no Azure needed)
				  --sandbox-state FILE      keep the sandbox tenant in FILE between runs (implies --sandbox)
				  --sandbox-log FILE        append every request the sandbox serves to FILE, one line each
				                            (needs --sandbox or --sandbox-state)
				  --sandbox-faults SPEC     make the sandbox answer chosen requests with faults, e.g.
				                            'POST /v1.0/applications 429 times=2; GET /v1.0/me delay for=40s'
				                            (needs --sandbox or --sandbox-state; see docs/sandbox.md)
				  --cloud NAME              AzureCloud (default), AzureUSGovernment or AzureChinaCloud
				  --authority-host URL      custom sign-in host (https), instead of the cloud's
				  --graph-endpoint URL      custom Microsoft Graph endpoint (https), instead of the cloud's
				  --arm-endpoint URL        custom Azure Resource Manager endpoint (https), instead of the cloud's
				  --output table|json       output format (default table); commands also accept --output
				  --verbose                 show stack traces and request ids on errors, and after each
				                            command the requests it sent (Graph, ARM, tokens)
				  -h, --help                show this help

				Exit status: 0 success, 1 failed operation, 2 bad usage.
				Run 'dicomreg help' for the commands, 'dicomreg help COMMAND' for one command.""";
	}

	private static final class Builder {

		private boolean sandbox;

		private Path sandboxState;

		private Path sandboxLog;

		private String sandboxFaults;

		private AzureCloud cloud;

		private URI authorityHost;

		private URI graphEndpoint;

		private URI armEndpoint;

		private OutputFormat output = OutputFormat.TABLE;

		private boolean verbose;

		private boolean help;

		int accept(String[] args, int index) {
			String word = args[index];
			String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
			String inlineValue = word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
			switch (name) {
				case "--sandbox" -> this.sandbox = flag(name, inlineValue);
				case "--verbose" -> this.verbose = flag(name, inlineValue);
				case "--help", "-h" -> this.help = flag(name, inlineValue);
				case "--sandbox-state" -> this.sandboxState = Path.of(value(args, index, name, inlineValue));
				case "--sandbox-log" -> this.sandboxLog = Path.of(value(args, index, name, inlineValue));
				case "--sandbox-faults" -> this.sandboxFaults = sandboxFaults(name, value(args, index, name, inlineValue));
				case "--cloud" -> this.cloud = AzureCloud.parse(value(args, index, name, inlineValue));
				case "--authority-host" -> this.authorityHost = httpsUrl(name, value(args, index, name, inlineValue));
				case "--graph-endpoint" -> this.graphEndpoint = httpsUrl(name, value(args, index, name, inlineValue));
				case "--arm-endpoint" -> this.armEndpoint = httpsUrl(name, value(args, index, name, inlineValue));
				case "--output" -> this.output = OutputFormat.parse(value(args, index, name, inlineValue));
				default -> throw DicomregException
					.invalidInput("Unknown global option " + Echo.quoted(name) + ". Run 'dicomreg --help' for the options.");
			}
			return index + ((inlineValue == null && takesValue(name)) ? 2 : 1);
		}

		private static boolean takesValue(String name) {
			return !List.of("--sandbox", "--verbose", "--help", "-h").contains(name);
		}

		private static boolean flag(String name, String inlineValue) {
			if (inlineValue != null) {
				throw DicomregException.invalidInput("Option " + name + " takes no value.");
			}
			return true;
		}

		private static String value(String[] args, int index, String name, String inlineValue) {
			if (inlineValue != null) {
				return requireText(name, inlineValue);
			}
			if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
				throw DicomregException.invalidInput("Option " + name + " needs a value.");
			}
			return requireText(name, args[index + 1]);
		}

		private static String requireText(String name, String value) {
			if (value.isBlank()) {
				throw DicomregException.invalidInput("Option " + name + " needs a value.");
			}
			return value;
		}

		private static String sandboxFaults(String name, String spec) {
			try {
				ConnectionTarget.checkSandboxFaults(spec);
				return spec;
			}
			catch (IllegalArgumentException ex) {
				throw DicomregException.invalidInput("Invalid value for " + name + ": " + ex.getMessage() + ".");
			}
		}

		private static URI httpsUrl(String name, String value) {
			try {
				URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
				if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
					throw DicomregException
						.invalidInput("Invalid value " + Echo.quoted(value) + " for " + name + ": use an https:// URL.");
				}
				if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
					throw DicomregException.invalidInput("Invalid value " + Echo.quoted(value) + " for " + name
							+ ": give the host only, e.g. https://graph.example.com (no path such as /v1.0 or a tenant).");
				}
				return uri;
			}
			catch (URISyntaxException ex) {
				throw DicomregException.invalidInput("Invalid value " + Echo.quoted(value) + " for " + name + ": use an https:// URL.");
			}
		}

		GlobalOptions build() {
			boolean useSandbox = this.sandbox || this.sandboxState != null;
			if (useSandbox && (this.cloud != null || this.authorityHost != null || this.graphEndpoint != null
					|| this.armEndpoint != null)) {
				throw DicomregException.invalidInput("--sandbox cannot be combined with --cloud, --authority-host, "
						+ "--graph-endpoint or --arm-endpoint: choose one target.");
			}
			if (this.sandboxLog != null && !useSandbox) {
				throw DicomregException.invalidInput(
						"--sandbox-log needs --sandbox or --sandbox-state: it records the requests the sandbox serves.");
			}
			if (this.sandboxFaults != null && !useSandbox) {
				throw DicomregException.invalidInput(
						"--sandbox-faults needs --sandbox or --sandbox-state: it makes the sandbox answer with faults.");
			}
			if (this.sandboxLog != null && this.sandboxState != null && sameFile(this.sandboxLog, this.sandboxState)) {
				throw DicomregException.invalidInput("--sandbox-log and --sandbox-state must name different files.");
			}
			AzureCloud chosenCloud = (this.cloud != null) ? this.cloud : AzureCloud.AzureCloud;
			return new GlobalOptions(useSandbox, this.sandboxState, this.sandboxLog, this.sandboxFaults, chosenCloud,
					this.authorityHost, this.graphEndpoint, this.armEndpoint, this.output, this.verbose, this.help);
		}

		private static boolean sameFile(Path first, Path second) {
			return first.toAbsolutePath().normalize().equals(second.toAbsolutePath().normalize());
		}

	}

}
