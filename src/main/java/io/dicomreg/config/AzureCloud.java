package io.dicomreg.config;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * The Azure clouds dicomreg knows, with their sign-in, Microsoft Graph and Azure Resource Manager endpoints.
 */
public enum AzureCloud {

	AzureCloud("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://management.azure.com"),

	AzureUSGovernment("https://login.microsoftonline.us", "https://graph.microsoft.us",
			"https://management.usgovcloudapi.net"),

	AzureChinaCloud("https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn",
			"https://management.chinacloudapi.cn");

	private final URI authorityHost;

	private final URI graphEndpoint;

	private final URI armEndpoint;

	AzureCloud(String authorityHost, String graphEndpoint, String armEndpoint) {
		this.authorityHost = URI.create(authorityHost);
		this.graphEndpoint = URI.create(graphEndpoint);
		this.armEndpoint = URI.create(armEndpoint);
	}

	/** Azure Resource Manager's host in this cloud, which is also the resource its tokens are for. */
	public URI armEndpoint() {
		return this.armEndpoint;
	}

	public URI authorityHost() {
		return this.authorityHost;
	}

	public URI graphEndpoint() {
		return this.graphEndpoint;
	}

	/**
	 * Parses the value of {@code --cloud}, ignoring case.
	 * @throws DicomregException (usage) for an unknown cloud name
	 */
	public static AzureCloud parse(String name) {
		return Arrays.stream(values())
			.filter(cloud -> cloud.name().equalsIgnoreCase(name.trim()))
			.findFirst()
			.orElseThrow(() -> DicomregException.invalidInput("Unknown cloud " + Echo.quoted(name) + " for --cloud: use "
					+ Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
	}

}
