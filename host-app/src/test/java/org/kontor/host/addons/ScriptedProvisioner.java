package org.kontor.host.addons;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.provisioning.ChangePlan;
import org.kontor.api.provisioning.CreateService;
import org.kontor.api.provisioning.ProvisionedService;
import org.kontor.api.provisioning.Provisioner;
import org.kontor.api.provisioning.ServiceAction;

/** A provisioner answering what the test scripted, in order, and remembering every call as {@code action key}. */
final class ScriptedProvisioner implements Provisioner {

    static final String ID = "scripted";

    final List<String> calls = new ArrayList<>();
    final List<CreateService> creates = new ArrayList<>();
    final List<ChangePlan> planChanges = new ArrayList<>();
    private final Deque<Outcome<?>> answers = new ArrayDeque<>();

    ScriptedProvisioner then(Outcome<?> answer) {
        answers.add(answer);
        return this;
    }

    @Override
    public String provisionerId() {
        return ID;
    }

    @Override
    public Outcome<ProvisionedService> create(CreateService request) {
        creates.add(request);
        return next("create", request.key());
    }

    @Override
    public Outcome<Void> suspend(ServiceAction request) {
        return next("suspend:" + request.reason(), request.key());
    }

    @Override
    public Outcome<Void> unsuspend(ServiceAction request) {
        return next("unsuspend:" + request.reason(), request.key());
    }

    @Override
    public Outcome<Void> terminate(ServiceAction request) {
        return next("terminate:" + request.reason(), request.key());
    }

    @Override
    public Outcome<Void> changePlan(ChangePlan request) {
        planChanges.add(request);
        return next("change-plan", request.key());
    }

    @Override
    public Outcome<ProvisionedService> status(IdempotencyKey key) {
        return next("status", key);
    }

    @SuppressWarnings("unchecked")
    private <T> Outcome<T> next(String call, IdempotencyKey key) {
        calls.add(call + " " + key.value());
        Outcome<?> answer = answers.poll();
        if (answer == null) {
            return Outcome.processed(null, null);
        }
        return (Outcome<T>) answer;
    }
}
