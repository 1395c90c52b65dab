package org.kontor.host.themes;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import org.kontor.host.i18n.Messages;

import java.util.List;

/** {@code msg("key", arg...)} in templates: the message in the request's language. */
final class MessageMethod implements TemplateMethodModelEx {

    private final Messages messages;
    private final String language;

    MessageMethod(Messages messages, String language) {
        this.messages = messages;
        this.language = language;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel key)) {
            throw new TemplateModelException("msg(key, args...) needs a message key as its first argument");
        }
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
        }
        return messages.get(language, key.getAsString(), args);
    }
}
