"""courses enrolments: last activity, so progress reports need not scan every lesson completion

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

"""
from alembic import op
import sqlalchemy as sa

import sonores_lms.database


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('courses_enrolments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_activity_at', sonores_lms.database.UTCDateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE courses_enrolments SET last_activity_at = ("
        " SELECT max(c.completed_at) FROM courses_lesson_completions c"
        " WHERE c.user_id = courses_enrolments.user_id AND c.course_uid = courses_enrolments.course_uid)"
    )


def downgrade():
    with op.batch_alter_table('courses_enrolments', schema=None) as batch_op:
        batch_op.drop_column('last_activity_at')
