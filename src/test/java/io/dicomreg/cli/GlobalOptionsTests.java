package io.dicomreg.cli;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.OutputFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalOptionsTests {

	@Test
	void noArgumentsStartTheInteractiveShellOnAzureCloud() {
		Invocation invocation = GlobalOptions.parse(new String[0]);
		assertThat(invocation.isOneShot()).isFalse();
		assertThat(invocation.options()).isEqualTo(GlobalOptions.defaults());
	}

	@Test
	void globalOptionsComeBeforeTheCommand() {
		Invocation invocation = GlobalOptions.parse(new String[] { "--sandbox-state", "t.json", "--output=json",
				"--verbose", "app", "register", "--name", "x", "--output", "table" });
		assertThat(invocation.options().sandbox()).isTrue();
		assertThat(invocation.options().sandboxState()).isEqualTo(Path.of("t.json"));
		assertThat(invocation.options().output()).isEqualTo(OutputFormat.JSON);
		assertThat(invocation.options().verbose()).isTrue();
		assertThat(invocation.commandWords()).containsExactly("app", "register", "--name", "x", "--output", "table");
	}

	@Test
	void customEndpointsMustBeHttps() {
		Invocation invocation = GlobalOptions.parse(new String[] { "--cloud", "azureusgovernment", "--graph-endpoint",
				"https://graph.example.test/", "whoami" });
		assertThat(invocation.options().cloud()).isEqualTo(AzureCloud.AzureUSGovernment);
		assertThat(invocation.options().graphEndpoint()).isEqualTo(URI.create("https://graph.example.test"));
		assertUsageError(new String[] { "--authority-host", "http://login.example.test" }, "--authority-host");
	}

	@Test
	void armFollowsTheCloudOrACustomEndpoint() {
		Invocation invocation = GlobalOptions.parse(new String[] { "--arm-endpoint", "https://arm.example.test/", "whoami" });
		assertThat(invocation.options().armEndpoint()).isEqualTo(URI.create("https://arm.example.test"));
		assertUsageError(new String[] { "--arm-endpoint", "http://arm.example.test" }, "--arm-endpoint");
		assertUsageError(new String[] { "--arm-endpoint", "https://arm.example.test/subscriptions" }, "give the host only");
		assertUsageError(new String[] { "--sandbox", "--arm-endpoint", "https://arm.example.test" },
				"--sandbox cannot be combined with --cloud, --authority-host, --graph-endpoint or --arm-endpoint");
		try (io.dicomreg.config.ConnectionTarget china = new io.dicomreg.config.ConnectionTarget(false, null,
				AzureCloud.AzureChinaCloud, null, null);
				io.dicomreg.config.ConnectionTarget custom = new io.dicomreg.config.ConnectionTarget(false, null,
						AzureCloud.AzureUSGovernment, null, null, URI.create("https://arm.example.test"), null, null,
						notice -> {
						})) {
			assertThat(china.endpoints().armEndpoint()).isEqualTo(URI.create("https://management.chinacloudapi.cn"));
			assertThat(china.endpoints().armResource()).isEqualTo("https://management.chinacloudapi.cn");
			assertThat(custom.endpoints().armEndpoint()).isEqualTo(URI.create("https://arm.example.test"));
			assertThat(custom.endpoints().armResource()).isEqualTo("https://management.usgovcloudapi.net");
			assertThat(custom.label()).isEqualTo("custom");
		}
	}

	@Test
	void unknownCloudNamesTheChoices() {
		assertUsageError(new String[] { "--cloud", "Mars" }, "AzureCloud, AzureUSGovernment, AzureChinaCloud");
	}

	@Test
	void sandboxCannotBeCombinedWithACloud() {
		assertUsageError(new String[] { "--sandbox", "--cloud", "AzureChinaCloud" }, "--sandbox cannot be combined");
	}

	@Test
	void sandboxLogComesWithASandbox() {
		Invocation invocation = GlobalOptions.parse(new String[] { "--sandbox-state", "t.json", "--sandbox-log=t.log",
				"whoami" });
		assertThat(invocation.options().sandboxLog()).isEqualTo(Path.of("t.log"));
		assertThat(GlobalOptions.parse(new String[] { "--sandbox", "--sandbox-log", "t.log" }).options().sandboxLog())
			.isEqualTo(Path.of("t.log"));
		assertThat(GlobalOptions.defaults().sandboxLog()).isNull();
		assertUsageError(new String[] { "--sandbox-log", "t.log", "whoami" },
				"--sandbox-log needs --sandbox or --sandbox-state");
		assertUsageError(new String[] { "--sandbox-log" }, "Option --sandbox-log needs a value.");
		assertUsageError(new String[] { "--sandbox-state", "t.json", "--sandbox-log", "./t.json" },
				"--sandbox-log and --sandbox-state must name different files.");
		assertThat(GlobalOptions.usage()).contains("--sandbox-log FILE");
	}

	@Test
	void sandboxFaultsAreCheckedWhenParsed() {
		Invocation invocation = GlobalOptions.parse(new String[] { "--sandbox", "--sandbox-faults",
				"POST /v1.0/applications 429 times=2", "whoami" });
		assertThat(invocation.options().sandboxFaults()).isEqualTo("POST /v1.0/applications 429 times=2");
		assertThat(GlobalOptions.defaults().sandboxFaults()).isNull();
		assertUsageError(new String[] { "--sandbox", "--sandbox-faults", "GET /v1.0 delay for=later" },
				"Invalid value for --sandbox-faults: rule 'GET /v1.0 delay for=later': for must be a duration such as "
						+ "500ms, 5s or 2m.");
		assertUsageError(new String[] { "--sandbox-faults", "GET /v1.0 503" },
				"--sandbox-faults needs --sandbox or --sandbox-state");
		assertThat(GlobalOptions.usage()).contains("--sandbox-faults SPEC");
	}

	@Test
	void optionsNeedTheirValues() {
		assertUsageError(new String[] { "--output" }, "Option --output needs a value.");
		assertUsageError(new String[] { "--output", "yaml" }, "use table or json");
		assertUsageError(new String[] { "--sandbox=yes" }, "takes no value");
		assertUsageError(new String[] { "--nope" }, "Unknown global option '--nope'");
	}

	private static void assertUsageError(String[] args, String message) {
		assertThatThrownBy(() -> GlobalOptions.parse(args)).isInstanceOfSatisfying(DicomregException.class, ex -> {
			assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(ex.getMessage()).contains(message);
		});
	}

}
