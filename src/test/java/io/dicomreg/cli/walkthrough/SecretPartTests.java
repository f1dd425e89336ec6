package io.dicomreg.cli.walkthrough;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.credentials.AddedSecret;
import io.dicomreg.apps.credentials.ClientSecret;
import io.dicomreg.apps.credentials.SecretRequest;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The secret part of step 5 when dicomreg dies while Graph has already added the secret: on resume
 * it never claims to know a value it lost, and never leaves two secrets behind.
 */
class SecretPartTests {

	@TempDir
	Path directory;

	private ConnectionTarget target;

	private SandboxAdmin admin;

	private AppRef app;

	private WalkthroughProgressStore store;

	@BeforeEach
	void registerAnApplication() {
		this.target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		this.admin = SandboxAdmin.signIn(this.target, this.directory.resolve("admin"));
		RegisteredApplication registered = this.admin.register("DICOM client");
		this.app = registered.ref();
		this.store = new WalkthroughProgressStore(this.target, new DicomregHome(this.directory.resolve("home")));
		WalkthroughProgress progress = new WalkthroughProgress();
		progress.setStartedAt("2026-11-27T08:00:00Z");
		progress.setApplication(new WalkthroughProgress.Application(registered.displayName(), "dicom-client",
				registered.objectId(), registered.appId()));
		this.store.save(progress);
	}

	@AfterEach
	void close() {
		this.target.close();
	}

	@Test
	void aSecretWhoseShownValueWasLostInACrashIsReplacedNotKeptSilently() {
		assertThatRuntimeException().isThrownBy(() -> new SecretPart(new DyingSecretService(this.admin.gateway()))
			.run(context(new ScriptedPrompts().answers("", "", "screen", ""))));
		String lost = onlySecret().keyId().toString();
		assertThat(this.store.load().orElseThrow().getSecret().keyId()).isNull();

		ScriptedPrompts prompts = new ScriptedPrompts().answers("", "", "screen", "", "Remove it");
		new SecretPart(secrets()).run(context(prompts));

		assertThat(prompts.shown()).contains("? What should happen to it?");
		ClientSecret replacement = onlySecret();
		assertThat(replacement.keyId().toString()).isNotEqualTo(lost);
		assertThat(replacement.description()).isEqualTo("dicomreg walkthrough 2026-11-27 08:00:00Z");
		WalkthroughProgress.Secret recorded = this.store.load().orElseThrow().getSecret();
		assertThat(recorded.keyId()).isEqualTo(replacement.keyId().toString());
		assertThat(recorded.valueKnown()).isTrue();
	}

	@Test
	void aSecretAddedAndSavedToItsFileBeforeACrashIsFoundAgain() throws Exception {
		Path file = this.directory.resolve("secret.txt");
		assertThatRuntimeException().isThrownBy(() -> new SecretPart(new DyingSecretService(this.admin.gateway()))
			.run(context(new ScriptedPrompts().answers("", "", "", file.toString(), ""))));
		assertThat(file).exists();

		ScriptedPrompts prompts = new ScriptedPrompts().answers("", "", "", "", "");
		new SecretPart(secrets()).run(context(prompts));

		assertThat(prompts.shown()).anyMatch(line -> line.contains("was added before the interruption; its value is in " + file));
		ClientSecret secret = onlySecret();
		WalkthroughProgress.Secret recorded = this.store.load().orElseThrow().getSecret();
		assertThat(recorded.keyId()).isEqualTo(secret.keyId().toString());
		assertThat(recorded.savedTo()).isEqualTo(file.toString());
		assertThat(Files.readString(file).strip()).startsWith(secret.hint());
	}

	@Test
	void anEarlierSecretWithTheSameDescriptionIsNeverPassedOffAsSavedByThisWalkthrough() {
		secrets().addSecret(this.app, SecretRequest.withDescription("Postman"), DryRun.off());
		Path file = this.directory.resolve("secret.txt");

		ScriptedPrompts prompts = new ScriptedPrompts().answers("Postman", "", "", file.toString(), "", "Keep it");
		new SecretPart(secrets()).run(context(prompts));

		assertThat(file).doesNotExist();
		WalkthroughProgress.Secret recorded = this.store.load().orElseThrow().getSecret();
		assertThat(recorded.savedTo()).isNull();
		assertThat(recorded.valueKnown()).isFalse();
		assertThat(onlySecret().description()).isEqualTo("Postman");
	}

	@Test
	void theDefaultDescriptionIsThisWalkthroughsOwnSoAnEarlierWalkthroughsSecretIsLeftAlone() {
		secrets().addSecret(this.app, SecretRequest.withDescription("dicomreg walkthrough 2026-11-01 09:30:00Z"), DryRun.off());

		new SecretPart(secrets()).run(context(new ScriptedPrompts().answers("", "", "screen", "")));

		assertThat(secrets().listSecrets(this.app)).extracting(ClientSecret::description)
			.containsExactlyInAnyOrder("dicomreg walkthrough 2026-11-01 09:30:00Z", "dicomreg walkthrough 2026-11-27 08:00:00Z");
	}

	private StepContext context(ScriptedPrompts prompts) {
		return new StepContext(prompts, this.store.load().orElseThrow(), this.store, Optional::empty);
	}

	private SecretService secrets() {
		return new SecretService(this.admin.gateway());
	}

	private ClientSecret onlySecret() {
		List<ClientSecret> all = secrets().listSecrets(this.app);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	/** Adds the secret in Entra ID, then dies as a killed process would, before the value is shown. */
	private static final class DyingSecretService extends SecretService {

		DyingSecretService(ApplicationsGateway applications) {
			super(applications);
		}

		@Override
		public AddedSecret addSecret(AppRef app, SecretRequest request, DryRun plan) {
			super.addSecret(app, request, plan);
			throw new IllegalStateException("killed");
		}

	}

	@Test
	void theSuggestedFileForTheValueIsOneThatDoesNotExistYet(@TempDir Path folder) throws Exception {
		assertThat(SecretPart.newFileName(folder, "dicom-client")).isEqualTo(folder.resolve("dicom-client-secret.txt").toString());
		Files.writeString(folder.resolve("dicom-client-secret.txt"), "earlier walkthrough");
		Files.writeString(folder.resolve("dicom-client-secret-2.txt"), "and another");

		assertThat(SecretPart.newFileName(folder, "dicom-client"))
			.isEqualTo(folder.resolve("dicom-client-secret-3.txt").toString());
	}

	@Test
	void aRefusedFileIsNamedInTheWalkthroughsWordsNotByAnOption() throws Exception {
		Path taken = Files.writeString(this.directory.resolve("taken.txt"), "someone's file");
		Path fresh = this.directory.resolve("fresh.txt");

		ScriptedPrompts prompts = new ScriptedPrompts().answers("", "", "", taken.toString(), fresh.toString(), "");
		new SecretPart(secrets()).run(context(prompts));

		assertThat(prompts.shown()).anyMatch(line -> line.contains("The file for the secret's value " + taken
				+ " already exists: dicomreg never overwrites it."));
		assertThat(prompts.shown()).noneMatch(line -> line.contains("--save-to"));
		assertThat(fresh).exists();
	}

}
