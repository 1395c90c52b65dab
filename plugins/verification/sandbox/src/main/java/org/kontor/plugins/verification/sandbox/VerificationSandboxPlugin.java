package org.kontor.plugins.verification.sandbox;

import org.pf4j.Plugin;

/**
 * The verification sandbox; its work is done by {@link SandboxSms}, {@link SandboxBureau} and {@link SandboxRoutes}.
 */
public class VerificationSandboxPlugin extends Plugin {
}
