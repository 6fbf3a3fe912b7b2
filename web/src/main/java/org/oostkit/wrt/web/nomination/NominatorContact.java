package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.UUID;

/**
 * Adds the campaign's contact person ("Questions? Write to …") to every nominator page that names its campaign,
 * the same one the mails name; kept out of the nominator controllers so that they only name the campaign.
 */
@Configuration
class NominatorContact implements WebMvcConfigurer, HandlerInterceptor {

    /** The model attribute a nominator page sets to its campaign's id. */
    static final String CAMPAIGN = "contactCampaignId";

    // a provider: web slices (@WebMvcTest) load this configuration without the mail beans
    private final ObjectProvider<CampaignSenders> senders;

    NominatorContact(ObjectProvider<CampaignSenders> senders) {
        this.senders = senders;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/org/*/nominate/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        CampaignSenders known = senders.getIfAvailable();
        if (known != null && view != null && view.getModel().get(CAMPAIGN) instanceof UUID campaign) {
            CampaignSender sender = known.of(campaign);
            if (sender.hasContact()) {
                view.addObject("campaignContact", Map.of("label", sender.contactLabel(), "email",
                        sender.contactEmail()));
            }
        }
    }
}
