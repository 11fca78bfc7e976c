package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the '|a|b|' strings of V1 into the rows of V2 and drops them. In Java because splitting a string
 * into rows has no SQL common to H2 and PostgreSQL; a '|' inside an old category was already ambiguous.
 */
public class V3__Categories_and_clauses_to_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("SELECT decision_id, categories, clauses FROM decision_record");
             PreparedStatement category = db.prepareStatement(
                     "INSERT INTO decision_category (decision_id, ordinal, category) VALUES (?, ?, ?)");
             PreparedStatement clause = db.prepareStatement(
                     "INSERT INTO decision_clause (decision_id, clause) VALUES (?, ?)")) {
            while (rows.next()) {
                String id = rows.getString(1);
                int ordinal = 0;
                for (String name : rows.getString(2).split("\\|")) {
                    if (!name.isEmpty()) {
                        category.setString(1, id);
                        category.setInt(2, ordinal++);
                        category.setString(3, name);
                        category.addBatch();
                    }
                }
                for (String name : new java.util.LinkedHashSet<>(java.util.List.of(rows.getString(3).split("\\|")))) {
                    if (!name.isEmpty()) {
                        clause.setString(1, id);
                        clause.setString(2, name);
                        clause.addBatch();
                    }
                }
            }
            category.executeBatch();
            clause.executeBatch();
        }
        try (Statement drop = db.createStatement()) {
            drop.execute("ALTER TABLE decision_record DROP COLUMN categories");
            drop.execute("ALTER TABLE decision_record DROP COLUMN clauses");
        }
    }
}
