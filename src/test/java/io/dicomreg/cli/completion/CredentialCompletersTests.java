package io.dicomreg.cli.completion;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.credentials.AddedSecret;
import io.dicomreg.apps.credentials.CertificateCredential;
import io.dicomreg.apps.credentials.CertificateFileService;
import io.dicomreg.apps.credentials.CertificateService;
import io.dicomreg.apps.credentials.CertificateUpload;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.config.DryRun;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion of {@code secret remove KEYID} and {@code cert remove THUMBPRINT|KEYID} from the
 * sandbox tenant, for the selected application or the one typed with {@code --app}.
 */
class CredentialCompletersTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SecretService secrets;

	private CertificateService certificates;

	private AppSelection selection;

	private ApplicationLocator locator;

	private AppRef selected;

	private AppRef other;

	@BeforeEach
	void twoApplications() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		SandboxAdmin admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
		this.secrets = new SecretService(admin.gateway());
		this.certificates = new CertificateService(admin.gateway());
		this.selection = new AppSelection(this.target, new DicomregHome(this.directory.resolve("home")));
		this.locator = new ApplicationLocator(admin.gateway(), this.selection);
		this.selected = ref(admin.register("selected app"));
		this.other = ref(admin.register("other app"));
		this.selection.select(this.selected, DryRun.off());
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void secretKeyIdsOfTheSelectedAppAreProposedWithTheirDescriptions() {
		AddedSecret postman = this.secrets.addSecret(this.selected, SecretRequest.withDescription("Postman"), DryRun.off());
		this.secrets.addSecret(this.other, SecretRequest.withDescription("elsewhere"), DryRun.off());
		SecretKeyIdCompleter completer = new SecretKeyIdCompleter(this.secrets, this.locator);

		List<CompletionProposal> proposals = new CompletionHarness(completer).proposals(2, "secret", "remove", "");
		List<String> onOption = new CompletionHarness(completer).complete("secret", "remove", "--app", "");

		assertThat(onOption).doesNotContain(postman.secret().keyId().toString());
		assertThat(proposals).singleElement().satisfies(proposal -> {
			assertThat(proposal.value()).isEqualTo(postman.secret().keyId().toString());
			assertThat(proposal.description()).startsWith("Postman, " + postman.secret().hint() + "...").contains("expires");
		});
	}

	@Test
	void theAppTypedWithAppIsUsedAndThePrefixFilters() {
		AddedSecret first = this.secrets.addSecret(this.other, SecretRequest.withDescription("first"), DryRun.off());
		this.secrets.addSecret(this.other, SecretRequest.withDescription("second"), DryRun.off());
		SecretKeyIdCompleter completer = new SecretKeyIdCompleter(this.secrets, this.locator);
		String prefix = first.secret().keyId().toString().substring(0, 8);

		CompletionHarness completion = new CompletionHarness(completer);
		List<String> spaced = completion.complete("secret", "remove", "--app", "other app", prefix);
		List<String> inline = completion.completeAt(2, "secret", "remove", prefix, "--app=" + this.other.appId());

		assertThat(spaced).containsExactly(first.secret().keyId().toString());
		assertThat(inline).containsExactly(first.secret().keyId().toString());
	}

	@Test
	void certificateThumbprintsAndKeyIdsAreProposed() throws Exception {
		Path pem = TestCertificates.selfSigned("completion").writePem(this.directory.resolve("completion.pem"));
		CertificateCredential uploaded = this.certificates
			.uploadCertificate(this.selected,
					new CertificateFileService().readCertificate(CertificateUpload.of(pem), () -> new char[0], DryRun.off()), DryRun.off())
			.certificate();
		CertificateCompleter completer = new CertificateCompleter(this.certificates, this.locator);

		CompletionHarness completion = new CompletionHarness(completer);
		List<CompletionProposal> all = completion.proposals(2, "cert", "remove", "");
		List<CompletionProposal> lowerCaseThumbprint = completion.proposals(2, "cert", "remove",
				uploaded.thumbprint().substring(0, 4).toLowerCase());
		List<String> onSecretRemove = completion.complete("secret", "remove", "");

		assertThat(onSecretRemove).isEmpty();
		assertThat(all).extracting(CompletionProposal::value)
			.containsExactlyInAnyOrder(uploaded.thumbprint(), uploaded.keyId().toString());
		assertThat(all).allSatisfy(proposal -> assertThat(proposal.description()).startsWith("CN=completion, "));
		assertThat(lowerCaseThumbprint).extracting(CompletionProposal::value).contains(uploaded.thumbprint());
	}

	private static AppRef ref(RegisteredApplication app) {
		return new AppRef(app.objectId(), app.appId(), app.displayName());
	}

}
