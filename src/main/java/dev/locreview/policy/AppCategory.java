package dev.locreview.policy;

/** One of the application's service categories, with canonical level names. A rule-session fact. */
public final class AppCategory {

    private final String level1;
    private final String level2;
    private final String level3;
    private final boolean news;

    public AppCategory(String level1, String level2, String level3, boolean news) {
        this.level1 = level1;
        this.level2 = level2;
        this.level3 = level3;
        this.news = news;
    }

    public String getLevel1() { return level1; }
    public String getLevel2() { return level2; }
    public String getLevel3() { return level3; }
    /** A news and information category (categories.yaml `news`), as R3 speaks of. */
    public boolean isNews() { return news; }

    /** As the policy writes it: 餐饮-外卖平台. */
    public String getPath() {
        StringBuilder path = new StringBuilder(level1);
        if (level2 != null) {
            path.append('-').append(level2);
        }
        if (level3 != null) {
            path.append('-').append(level3);
        }
        return path.toString();
    }

    @Override
    public String toString() {
        return getPath();
    }
}
