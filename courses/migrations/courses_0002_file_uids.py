"""courses: uploaded files named by a random uid; lessons refer to that uid instead of the row's number

Revision ID: courses_0002
Revises: courses_0001
Create Date: 2026-12-03

Files were served at /courses/files/<id> to anyone signed in, so counting found every draft's attachment. Each
file gets a random ``uid`` (32 hex digits, as the other uids), and every lesson's ``data["file_id"]`` that held a
file's number now holds its uid: the addresses built from it change, and nobody can guess the next one.
"""
import uuid
import warnings

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'courses_0002'
down_revision = 'courses_0001'
branch_labels = None
depends_on = None

files = sa.table('courses_files', sa.column('id', sa.Integer), sa.column('uid', sa.String(32)))
lessons = sa.table('courses_lessons', sa.column('id', sa.Integer), sa.column('data', sa.JSON))


def _lessons_with_files(bind):
    for lesson_id, data in bind.execute(sa.select(lessons.c.id, lessons.c.data)):
        if isinstance(data, dict) and data.get('file_id') not in (None, ''):
            yield lesson_id, data


def upgrade():
    op.add_column('courses_files', sa.Column('uid', sa.String(length=32), nullable=True))
    bind = op.get_bind()
    uids = {}
    for (file_id,) in bind.execute(sa.select(files.c.id)).all():
        uids[file_id] = uuid.uuid4().hex
        bind.execute(files.update().where(files.c.id == file_id).values(uid=uids[file_id]))
    for lesson_id, data in list(_lessons_with_files(bind)):
        try:
            new = uids.get(int(data['file_id']))
        except (TypeError, ValueError):
            continue  # already a uid
        changed = {**data, 'file_id': new} if new else {k: v for k, v in data.items() if k != 'file_id'}
        bind.execute(lessons.update().where(lessons.c.id == lesson_id).values(data=changed))
    # SQLite rebuilds the table to make the column NOT NULL, reflecting the tables it refers to on the way; the
    # people's index on lower(name) cannot be reflected there and does not matter to this table.
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based index')
        with op.batch_alter_table('courses_files', schema=None) as batch_op:
            batch_op.alter_column('uid', existing_type=sa.String(length=32), nullable=False)
    op.create_index('ix_courses_files_uid', 'courses_files', ['uid'], unique=True)


def downgrade():
    bind = op.get_bind()
    ids = {uid: file_id for file_id, uid in bind.execute(sa.select(files.c.id, files.c.uid)).all()}
    for lesson_id, data in list(_lessons_with_files(bind)):
        if data['file_id'] in ids:
            changed = {**data, 'file_id': ids[data['file_id']]}
            bind.execute(lessons.update().where(lessons.c.id == lesson_id).values(data=changed))
    op.drop_index('ix_courses_files_uid', table_name='courses_files')
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based index')
        with op.batch_alter_table('courses_files', schema=None) as batch_op:
            batch_op.drop_column('uid')
