package io.dicomreg.cli;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;

import io.dicomreg.apps.AppSelection;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.SignInService;
import io.dicomreg.output.SafeText;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;

/**
 * The prompt says where you are: the cloud (unless AzureCloud), the tenant, the account and the
 * selected app, e.g. {@code dicomreg contoso.onmicrosoft.com alice@contoso (dicom-client)>}.
 */
public class ShellPrompt implements PromptProvider {

	private final ConnectionTarget target;

	private final SignInService signIn;

	private final AppSelection selection;

	public ShellPrompt(ConnectionTarget target, SignInService signIn, AppSelection selection) {
		this.target = target;
		this.signIn = signIn;
		this.selection = selection;
	}

	@Override
	public AttributedString getPrompt() {
		return new AttributedString(text(), AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
	}

	/** The prompt as plain text. */
	public String text() {
		StringBuilder prompt = new StringBuilder("dicomreg");
		if (!AzureCloud.AzureCloud.name().equals(this.target.label())) {
			prompt.append(' ').append(this.target.label());
		}
		this.signIn.session().ifPresent(session -> prompt.append(' ')
			.append(SafeText.of(session.tenantLabel()))
			.append(' ')
			.append(SafeText.of(shortAccount(session))));
		this.selection.current().ifPresent(app -> prompt.append(" (").append(SafeText.of(app.displayName())).append(')'));
		return prompt.append("> ").toString();
	}

	private static String shortAccount(Session session) {
		String username = session.username();
		int at = username.indexOf('@');
		if (at < 0) {
			return username;
		}
		int dot = username.indexOf('.', at);
		return (dot > 0) ? username.substring(0, dot) : username;
	}

}
