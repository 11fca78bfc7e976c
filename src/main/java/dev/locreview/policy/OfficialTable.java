package dev.locreview.policy;

import java.util.List;
import java.util.Optional;


/**
 * An API's official category table (rules/data/tables.yaml), names made canonical: the categories allowed
 * to apply for that API at all. A rule-session fact; the gate rules decide on it.
 */
public final class OfficialTable {

    /**
     * One row; an empty level-2 list is the table's "/": any level-2 under the level-1. staffOnly: the row opens the
     * category for 「B端小程序」 only, the staff's own mini-program.
     */
    public record Row(String level1, String tableName, List<String> level2, String uses, boolean staffOnly) {

        boolean covers(AppCategory category) {
            return level1.equals(category.getLevel1()) && (level2.isEmpty() || level2.contains(category.getLevel2()));
        }

        /** As the table writes it: 餐饮服务（点餐平台、外卖平台）. */
        public String written() {
            return tableName + (level2.isEmpty() ? "（全部二级类目）" : "（" + String.join("、", level2) + "）");
        }
    }

    private final String api;
    private final String source;
    private final String date;
    private final List<Row> rows;

    public OfficialTable(String api, String source, String date, List<Row> rows) {
        this.api = api;
        this.source = source;
        this.date = date;
        this.rows = List.copyOf(rows);
    }

    public boolean covers(AppCategory category) {
        return row(category).isPresent();
    }

    /** Whether the row that lets this category apply opens it only for the staff's (B-side) mini-program. */
    public boolean staffOnlyFor(AppCategory category) {
        return row(category).map(Row::staffOnly).orElse(false);
    }

    /** The row that lets this category apply, and the uses the table names for it. */
    public String rowFor(AppCategory category) {
        return row(category).map(r -> r.written() + "：" + r.uses()).orElse(null);
    }

    private Optional<Row> row(AppCategory category) {
        return rows.stream().filter(r -> r.covers(category)).findFirst();
    }

    public String getApi() { return api; }
    public String getSource() { return source; }
    public String getDate() { return date; }
    public List<Row> getRows() { return rows; }

    /** The source with its date, as a gate cites it. */
    public String getCitation() {
        return source + "，" + date;
    }

    /** The level-1 names of the table, for a message: 电商平台、商家自营…. */
    public String getLevel1List() {
        return String.join("、", rows.stream().map(Row::tableName).distinct().toList());
    }

    @Override
    public String toString() {
        return "table " + api;
    }
}
