package org.kontor.it.guide;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** One run of a JUnit test class through the JUnit Platform: which tests passed, and how the others failed. */
record KitRun(List<String> passed, List<String> failed, List<String> skipped) {

    static KitRun of(Class<?> testClass) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionSkipped(TestIdentifier test, String reason) {
                        skipped.add(test.getDisplayName() + ": " + reason);
                    }

                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                            if (test.isTest()) {
                                passed.add(test.getDisplayName());
                            }
                        } else {
                            failed.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString)
                                    .orElse(result.getStatus().name()));
                        }
                    }
                });
        return new KitRun(passed, failed, skipped);
    }
}
