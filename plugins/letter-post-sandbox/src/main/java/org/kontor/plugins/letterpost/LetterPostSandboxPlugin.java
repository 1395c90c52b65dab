package org.kontor.plugins.letterpost;

import org.pf4j.Plugin;

/** The letter post sandbox; its work is done by {@link SandboxLetterPost}. */
public class LetterPostSandboxPlugin extends Plugin {
}
