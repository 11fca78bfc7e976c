package dev.locreview.review;

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

    public Submission(ReviewRequest request) {
        ReviewRequest.Attachments a = request.attachments();
        this.attachmentsStated = a != null;
        this.images = a == null || a.images() == null ? 0 : a.images();
        this.video = a != null && Boolean.TRUE.equals(a.video());
        this.links = a == null || a.links() == null ? 0 : a.links().size();
        this.loginRequired = Boolean.TRUE.equals(request.loginRequired());
        this.testAccountProvided = Boolean.TRUE.equals(request.testAccountProvided());
        this.reasonLength = request.reason() == null ? 0 : request.reason().strip().length();
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
