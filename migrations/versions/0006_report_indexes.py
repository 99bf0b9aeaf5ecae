"""indexes for the progress reports: enrolments covering what they read, people in name order

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

The reports aggregate the enrolments of a plan's courses by status, person and last activity; with every column
they read in the index, SQLite and PostgreSQL answer from the index alone instead of visiting each row.
It replaces the (course_uid, status) index, which is its prefix. People are listed by lower-cased name: an index
on that expression reads a page of them in order instead of sorting everyone.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_core_users_sort_name', 'core_users', [sa.text('lower(last_name)'), sa.text('lower(first_name)'), 'id']
    )
    with op.batch_alter_table('courses_enrolments', schema=None) as batch_op:
        batch_op.drop_index('ix_courses_enrolments_course_status')
        batch_op.create_index(
            'ix_courses_enrolments_report', ['course_uid', 'status', 'user_id', 'last_activity_at'], unique=False
        )


def downgrade():
    op.drop_index('ix_core_users_sort_name', table_name='core_users')
    with op.batch_alter_table('courses_enrolments', schema=None) as batch_op:
        batch_op.drop_index('ix_courses_enrolments_report')
        batch_op.create_index('ix_courses_enrolments_course_status', ['course_uid', 'status'], unique=False)
