package io.dicomreg.reliability;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.output.SafeText;
import io.dicomreg.support.GraphWrites;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and descriptions come back from Graph, where any tool can set them: escape sequences in
 * them never reach the terminal raw, in text, JSON, errors or the prompt.
 */
class TerminalSafetyTests {

	/** Retitles the terminal (OSC 0), writes the clipboard (OSC 52), clears the screen (CSI and C1 CSI), reverses text. */
	private static final String HOSTILE = "evil\u001b]0;pwned\u0007\u001b]52;c;Y2xpcA==\u0007\u001b[2J\u009b2J\u202eapp\u007f";

	@TempDir
	Path directory;

	private TestShell shell;

	private ConnectionTarget target;

	@BeforeEach
	void aTenantWithAHostileApplicationMadeByAnotherTool() {
		Path state = this.directory.resolve("tenant.json");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		this.target = new ConnectionTarget(true, state, AzureCloud.AzureCloud, null, null);
		SandboxAdmin admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
		Application hostile = new Application();
		hostile.setDisplayName(HOSTILE);
		hostile.setSignInAudience("AzureADMyOrg");
		String objectId = admin.graph().client().applications().post(hostile, GraphWrites.allowed()).getId();
		PasswordCredential secret = new PasswordCredential();
		secret.setDisplayName(HOSTILE);
		AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
		body.setPasswordCredential(secret);
		admin.graph().client().applications().byApplicationId(objectId).addPassword().post(body, GraphWrites.allowed());
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void textOutputShowsTheControlCharactersEscaped() {
		TestShell.Result list = this.shell.run("app", "list");
		TestShell.Result use = this.shell.run("app", "use", "evil\u001b]0;pwned\u0007\u001b]52;c;Y2xpcA==\u0007\u001b[2J\u009b2J\u202eapp\u007f");
		TestShell.Result secrets = this.shell.run("secret", "list");
		TestShell.Result show = this.shell.run("app", "show");

		for (TestShell.Result run : new TestShell.Result[] { list, use, secrets, show }) {
			assertThat(run.exitCode()).as(run.all()).isZero();
			assertNothingRaw(run.all());
		}
		assertThat(list.out()).contains("evil\\x1b]0;pwned\\x07\\x1b]52;c;Y2xpcA==\\x07\\x1b[2J\\x9b2J\\u202eapp\\x7f");
	}

	@Test
	void errorsQuotingANameShowItEscaped() {
		this.shell.run("app", "register", "--name", "harmless", "--new");

		TestShell.Result missing = this.shell.run("app", "show", "--app", "evil\u001b[2J");

		assertThat(missing.exitCode()).isEqualTo(2);
		assertNothingRaw(missing.all());
		assertThat(missing.err()).contains("evil\\x1b[2J");
	}

	@Test
	void jsonEscapesEveryControlAndBidiCharacterAndStillParses() throws Exception {
		TestShell.Result list = this.shell.run("app", "list", "--output", "json");

		assertThat(list.exitCode()).isZero();
		assertNothingRaw(list.out());
		assertThat(list.out().toLowerCase()).contains("\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u007f");
		assertThat(new ObjectMapper().readTree(list.out()).findValuesAsText("displayName")).contains(HOSTILE);
	}

	@Test
	void safeTextKeepsPrintableTextAndEscapesTheRest() {
		assertThat(SafeText.of("DICOM client é ü 日本")).isEqualTo("DICOM client é ü 日本");
		assertThat(SafeText.of("a\tb")).isEqualTo("a\tb");
		assertThat(SafeText.of("a\nb\u2066c")).isEqualTo("a\\x0ab\\u2066c");
		assertThat(SafeText.lines("first\nsecond\u001b")).isEqualTo("first" + System.lineSeparator() + "second\\x1b");
	}

	private static void assertNothingRaw(String output) {
		assertThat(output.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e || c == 0x7f))
			.as("raw control or bidi characters in: " + output).isEmpty();
	}

}
