package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.dashboard.MyProgress;
import com.walkrx.dashboard.PainChange;
import com.walkrx.dashboard.ProgressService;
import jakarta.annotation.security.RolesAllowed;

/** A patient's own progress, phone first: their pain and walks in plain words, and one chart. */
@Route("progress")
@PageTitle("My progress | WalkRx")
@Menu(order = 3, title = "My progress", icon = "vaadin:chart-line")
@RolesAllowed("PATIENT")
@StyleSheet("styles/dashboard.css")
public class ProgressView extends VerticalLayout {

    private final Chart chart = new Chart("260px").withLabel("Your pain week by week");
    private final Paragraph headline = new Paragraph();

    ProgressView(ProgressService progress, CurrentUser currentUser) {
        addClassNames("progress-view", "patient-page");
        MyProgress p = progress.mine(currentUser.require());
        headline.addClassName("headline");
        headline.setText(headline(p));
        add(new H2("Your progress"), headline);
        if (p.startedOn() != null) {
            chart.setOption(ChartOptions.progress(p));
            Span title = new Span("Your pain, week by week");
            title.addClassName("chart-title");
            Span scale = new Span("0 = no pain, 10 = the worst pain");
            scale.addClassName("muted");
            Div card = new Div(title, scale, chart);
            card.addClassNames("card", "progress-chart");
            add(card);
        }
        String daily = dailyPain(p.painChange());
        if (daily != null) {
            Paragraph line = new Paragraph(daily);
            line.addClassName("progress-line");
            add(line);
        }
        if (p.startedOn() != null) {
            add(walkStats(p));
            add(new Paragraph("Some discomfort while your muscles get stronger is normal. If walking keeps making your "
                    + "pain worse, shorten or slow your walks and say so in your check-in."));
        }
    }

    /** "Your pain after walks has dropped from 6 to 3 since you started." */
    static String headline(MyProgress p) {
        if (p.startedOn() == null || p.firstPainAfterWalks() == null) {
            return "Once you log your walks, you will see here how your pain changes.";
        }
        long first = Math.round(p.firstPainAfterWalks());
        long now = Math.round(p.recentPainAfterWalks());
        if (now < first) {
            return "Your pain after walks has dropped from " + first + " to " + now + " since you started.";
        }
        if (now > first) {
            return "Your pain after walks has gone up from " + first + " to " + now + " since you started. "
                    + "Tell your therapist, and take it easier until they review your plan.";
        }
        return "Your pain after walks is about the same as when you started (" + now + " out of 10). "
                + "Keep going: walking often takes 3 to 4 weeks to ease pain noticeably.";
    }

    private static String dailyPain(PainChange c) {
        if (c == null) {
            return null;
        }
        long base = Math.round(c.baseline());
        if (c.clinicallyImportant()) {
            return "Your pain during the day was about " + base + " in your first week and is " + c.latest()
                    + " now. That is a real improvement.";
        }
        return "Your pain during the day was about " + base + " in your first week and is " + c.latest() + " now.";
    }

    private static Div walkStats(MyProgress p) {
        Div stats = new Div(stat(String.valueOf(p.totalWalks()), p.totalWalks() == 1 ? "walk in all" : "walks in all"),
                stat(Format.duration(p.totalMinutes()), "of walking"),
                stat(String.valueOf(p.walksLast7Days()), "walks in the last 7 days"));
        stats.addClassName("stats");
        return stats;
    }

    private static Div stat(String value, String label) {
        Span v = new Span(value);
        v.addClassName("stat-value");
        Span l = new Span(label);
        l.addClassName("stat-label");
        Div d = new Div(v, l);
        d.addClassName("stat");
        return d;
    }

    /** For tests. */
    Chart chart() {
        return chart;
    }

    Paragraph headlineParagraph() {
        return headline;
    }
}
