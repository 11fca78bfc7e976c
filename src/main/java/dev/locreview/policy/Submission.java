package dev.locreview.policy;


/**
 * What the reviewer will be able to see besides the reason: the attachments, and whether the feature is
 * behind a login with or without a test account. A rule-session fact for the evidence gate.
 */
public final class Submission {

    private final int images;
    private final boolean video;
    private final int links;
    private final boolean attachmentsStated;
    private final boolean loginRequired;
    private final boolean testAccountProvided;
    private final int reasonLength;

    public Submission(boolean attachmentsStated, int images, boolean video, int links, boolean loginRequired,
                      boolean testAccountProvided, int reasonLength) {
        this.attachmentsStated = attachmentsStated;
        this.images = images;
        this.video = video;
        this.links = links;
        this.loginRequired = loginRequired;
        this.testAccountProvided = testAccountProvided;
        this.reasonLength = reasonLength;
    }

    public int getImages() { return images; }
    public boolean isVideo() { return video; }
    public int getLinks() { return links; }
    /** Whether the request said anything about attachments (a pre-check may come before they are ready). */
    public boolean isAttachmentsStated() { return attachmentsStated; }
    /** Whether anything besides the reason will show the feature: the form needs one of them. */
    public boolean isAnyAttachment() { return images > 0 || video || links > 0; }
    public boolean isLoginRequired() { return loginRequired; }
    public boolean isTestAccountProvided() { return testAccountProvided; }
    public int getReasonLength() { return reasonLength; }
}
