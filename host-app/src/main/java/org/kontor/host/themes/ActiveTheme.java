package org.kontor.host.themes;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import org.kontor.host.i18n.Messages;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * One theme ready to render: its chain, its FreeMarker configuration and its messages.
 *
 * @param theme         the theme itself
 * @param layers        file lookup along the theme chain and the plugins
 * @param configuration FreeMarker configuration with the theme's template loader
 * @param messages      messages along the theme chain
 */
public record ActiveTheme(Theme theme, ThemeLayers layers, Configuration configuration, Messages messages) {

    public String name() {
        return theme.name();
    }

    /**
     * Renders a template completely into a string, so a failure half-way never sends half a page.
     *
     * @throws freemarker.template.TemplateNotFoundException when no layer has the template
     */
    public String render(String templateName, Map<String, ?> model) throws IOException, TemplateException {
        Template template = configuration.getTemplate(templateName);
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }
}
