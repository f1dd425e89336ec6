package io.dicomreg.sandbox;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects an in-memory {@link Sandbox} into test constructors, lifecycle methods and test methods.
 *
 * <p>With {@code @ExtendWith(SandboxExtension.class)} one server serves the whole test class. Register
 * {@link #perTest()} with {@code @RegisterExtension} instead to give every test method a fresh tenant. The server is
 * closed when its scope ends.
 */
public class SandboxExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(SandboxExtension.class);

	private static final String KEY = "server";

	private final boolean perTest;

	public SandboxExtension() {
		this(false);
	}

	private SandboxExtension(boolean perTest) {
		this.perTest = perTest;
	}

	/**
	 * An extension that starts a fresh tenant for every test method.
	 * @return the extension
	 */
	public static SandboxExtension perTest() {
		return new SandboxExtension(true);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Sandbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ExtensionContext scope = this.perTest ? extensionContext : classScope(extensionContext);
		return scope.getStore(NAMESPACE).computeIfAbsent(KEY, (key) -> Sandbox.start(null), Sandbox.class);
	}

	private static ExtensionContext classScope(ExtensionContext context) {
		ExtensionContext scope = context;
		while (scope.getTestMethod().isPresent()) {
			Optional<ExtensionContext> parent = scope.getParent();
			if (parent.isEmpty()) {
				break;
			}
			scope = parent.get();
		}
		return scope;
	}

}
