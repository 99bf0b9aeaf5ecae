"""sample: the learning log's notes

Revision ID: sample_0001
Revises:
Create Date: 2026-12-03

The first revision of the plugin's branch: no parent, labelled with the plugin's name, and depending on the core
revision whose tables it needs (core_users).
"""
from alembic import op
import sqlalchemy as sa

import sonores_lms.database


# revision identifiers, used by Alembic.
revision = 'sample_0001'
down_revision = None
branch_labels = ('sample',)
depends_on = '0006'


def upgrade():
    op.create_table(
        'sample_notes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('course_uid', sa.String(length=32), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('completed_at', sonores_lms.database.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['core_users.id'], name=op.f('fk_sample_notes_user_id_core_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sample_notes')),
        sa.UniqueConstraint('user_id', 'course_uid', name=op.f('uq_sample_notes_user_id_course_uid')),
    )


def downgrade():
    op.drop_table('sample_notes')
