package org.kontor.host.themes;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Version;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * FreeMarker's default member access policy, minus {@code getClass()}: the default policy still
 * exposes it, and a {@code Class} is the first step to reflection from a template.
 */
final class SandboxMemberAccessPolicy implements MemberAccessPolicy {

    private final MemberAccessPolicy delegate;

    SandboxMemberAccessPolicy(Version incompatibleImprovements) {
        this.delegate = DefaultMemberAccessPolicy.getInstance(incompatibleImprovements);
    }

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> type) {
        ClassMemberAccessPolicy inner = delegate.forClass(type);
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                if (method.getName().equals("getClass") && method.getParameterCount() == 0) {
                    return false;
                }
                return inner.isMethodExposed(method);
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return inner.isConstructorExposed(constructor);
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return inner.isFieldExposed(field);
            }
        };
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return delegate.isToStringAlwaysExposed();
    }
}
