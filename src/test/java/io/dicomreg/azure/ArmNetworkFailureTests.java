package io.dicomreg.azure;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a network failure on the way to Azure Resource Manager is called, with OkHttp's exceptions: a host that does
 * not resolve or cannot be reached points at --arm-endpoint, a timeout says to run again.
 */
class ArmNetworkFailureTests {

	@Test
	void anEndpointThatCannotBeReachedNamesTheOption() {
		for (IOException failure : new IOException[] { new UnknownHostException("arm.typo.invalid"),
				new ConnectException("Connection refused"), new NoRouteToHostException("No route to host") }) {
			assertThat(ArmClient.network(failure).getMessage()).as(failure.toString())
				.isEqualTo("Cannot connect to Azure Resource Manager. Check the network, or the endpoint given with "
						+ "--arm-endpoint.");
		}
	}

	@Test
	void aTimeoutSaysToRunAgainAndAnEndedConnectionToo() {
		for (IOException failure : new IOException[] { new SocketTimeoutException("timeout"),
				new InterruptedIOException("timeout") }) {
			assertThat(ArmClient.network(failure).getMessage()).as(failure.toString())
				.startsWith("Azure Resource Manager did not answer in time.");
		}
		assertThat(ArmClient.network(new IOException("unexpected end of stream")).getMessage())
			.startsWith("The connection to Azure Resource Manager ended before an answer came.");
	}

}
