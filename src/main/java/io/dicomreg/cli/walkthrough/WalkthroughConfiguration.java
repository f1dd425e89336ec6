package io.dicomreg.cli.walkthrough;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dicomreg.account.AccountService;
import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.ConsentService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.azure.RoleService;
import io.dicomreg.exports.ExportService;
import io.dicomreg.verify.VerifyService;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.AuthenticationService;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.credentials.CertificateFileService;
import io.dicomreg.apps.credentials.CertificateService;
import io.dicomreg.apps.credentials.SecretService;
import io.dicomreg.auth.Session;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.output.Renderer;

/**
 * The walkthrough's steps, in the tutorial's order, over the services the step commands use.
 */
@Configuration(proxyBeanMethods = false)
class WalkthroughConfiguration {

	@Bean
	WalkthroughProgressStore walkthroughProgressStore(ConnectionTarget target, DicomregHome home) {
		return new WalkthroughProgressStore(target, home);
	}

	@Bean
	Walkthrough walkthrough(AccountService account, ApplicationService applications, AuthenticationService authentication,
			SecretService secrets, CertificateService certificates, CertificateFileService certificateFiles,
			PermissionService permissions, ApiDirectory apis, ConsentService consent, DicomServiceDirectory dicomServices,
			RoleService roles, VerifyService verify, ExportService exports, Renderer renderer,
			WalkthroughProgressStore store) {
		return new Walkthrough(List.of(new SignInStep(account), new RegisterStep(applications),
				new IdsStep(applications, renderer), new AuthenticationStep(authentication),
				new CredentialsStep(new SecretPart(secrets), new CertificatePart(certificates, certificateFiles)),
				new PermissionStep(permissions, apis), new ConsentStep(consent), new RoleStep(dicomServices, roles),
				new SummaryStep(authentication, renderer, Clock.systemUTC(), verify, exports)), store,
				() -> account.session().map(Session::tenantId), Clock.systemUTC());
	}

}
